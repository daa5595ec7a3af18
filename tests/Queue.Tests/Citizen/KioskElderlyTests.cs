using Queue.Tests.Floor;
using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Citizen;

/// <summary>
/// The kiosk in large-text mode for the elderly (issue 17, defect 7): check-in typed on the kiosk's own keypad (with
/// the X that ends some ID numbers), a refusal shown right at the field in large text, and waits in large dark text.
/// </summary>
public sealed class KioskElderlyTests
{
    [Fact]
    public async Task CheckInIsTypedOnTheKeypadRefusalsSitAtTheFieldAndWaitsAreLargeAndDark()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 10));
        await using var app = await QueueApp.StartAsync(settings: CitizenApi.Settings(), clock: clock, kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var kiosk = await chromium.NewPageAsync(app.Address, 1080, 1920);
        await kiosk.GotoAsync($"/kiosk/{Demo.City}?large=1");

        // Waits: at least 24 px and at least 7:1 against the button.
        var wait = await kiosk.EvaluateAsync<string[]>("""
            () => { const w = document.querySelector(`[data-service='jc-civic-social-insurance'] .service-wait`), b = w.closest('button');
                    return [getComputedStyle(w).fontSize, getComputedStyle(w).color, getComputedStyle(b).backgroundColor]; }
            """);
        Assert.True(double.Parse(wait[0].Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= 24, $"wait text is {wait[0]}");
        Assert.True(WallReadabilityTests.Contrast(wait[1], wait[2]) >= 7, $"wait text {wait[1]} on {wait[2]}");

        // The keypad types into the field: digits, X, delete, clear.
        var code = kiosk.Locator("#checkin-code");
        foreach (var key in "4201021985061200") await kiosk.ClickAsync($"#keypad [data-key='{key}']");
        await kiosk.ClickAsync("#keypad [data-key='9']");
        await kiosk.ClickAsync("#keypad [data-key='back']");
        await kiosk.ClickAsync("#keypad [data-key='1']");
        await kiosk.ClickAsync("#keypad [data-key='X']");
        await Expect(code).ToHaveValueAsync("42010219850612001X");
        await kiosk.ClickAsync("#keypad [data-key='clear']");
        await Expect(code).ToHaveValueAsync("");
        foreach (var key in "12345678") await kiosk.ClickAsync($"#keypad [data-key='{key}']");
        await kiosk.ClickAsync("#checkin-submit");

        // The refusal sits in the check-in section, under the field, large, and the screen is there.
        var error = kiosk.Locator("#checkin #kiosk-error");
        await Expect(error).ToContainTextAsync("未找到");
        await Expect(error).ToBeInViewportAsync();
        await Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(code).ToHaveValueAsync("12345678");
        var size = await error.EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        Assert.True(double.Parse(size.Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= 28, $"refusal text is {size}");
        await Chromium.ScreenshotAsync(kiosk, "citizen-kiosk-large-checkin");
    }
}
