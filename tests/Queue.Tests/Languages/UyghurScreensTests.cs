using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Queue.Tests.Floor;
using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Languages;

/// <summary>
/// A third language from resource files alone: 维吾尔文 (ug), written right to left, on the wall, a window display,
/// the kiosk and a ticket page, in real Chromium. Also what the English pages said wrongly before.
/// </summary>
public sealed partial class UyghurScreensTests
{
    [Fact]
    public async Task TheWallTheWindowDisplayTheKioskAndTheTicketPageSpeakUyghurRightToLeft()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await app.AttendAsync(5);
        await using var chromium = await Chromium.LaunchAsync();

        // The kiosk offers every language in its own script; choosing ئۇيغۇرچە is remembered for the visitor.
        var kiosk = await chromium.NewPageAsync(app.Address, 1080, 1920);
        await kiosk.GotoAsync($"/kiosk/{Demo.City}");
        await kiosk.ClickAsync("a.lang-link[lang=ug]");
        await Expect(kiosk.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(kiosk.Locator("html")).ToHaveAttributeAsync("lang", "ug");
        await AssertUyghurAsync(kiosk, "main");
        await kiosk.ClickAsync($"button[data-service='{Demo.SocialInsurance}']");
        var number = (await kiosk.Locator("#issued-number").TextContentAsync())!.Trim();
        await AssertUyghurAsync(kiosk, "main");
        await Chromium.ScreenshotAsync(kiosk, "ug-kiosk-issued");
        var trackUrl = await kiosk.Locator("img.qr").GetAttributeAsync("data-track-url");

        // Hall hardware is pointed at its language by its address.
        var wall = await FloorPages.WallAsync(chromium, app.Address, query: "?culture=ug");
        await Expect(wall.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        var led = await chromium.NewPageAsync(app.Address, 1280, 320);
        await led.GotoAsync($"/display/{Demo.City}/windows/{Demo.Window(5)}?culture=ug");
        await led.WaitForFunctionAsync("() => document.getElementById('led').dataset.state");
        await Expect(led.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        var phone = await chromium.NewPageAsync(app.Address, 390, 844);
        await phone.GotoAsync(trackUrl! + (trackUrl!.Contains('?') ? "&" : "?") + "culture=ug");
        await Expect(phone.Locator("#number")).ToHaveTextAsync(number);
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await AssertUyghurAsync(phone, "#status");

        var staff = await app.SignedInAsync("staff05");
        (await staff.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(5)}/call-next", null)).EnsureSuccessStatusCode();

        // The call, worded as Uyghur orders it: the number first, the window, the verb last.
        await Expect(wall.Locator("#latest .latest-number")).ToHaveTextAsync(number);
        var latest = (await wall.Locator("#latest").TextContentAsync())!;
        Assert.Matches(Arabic(), latest);
        Assert.True(latest.IndexOf(number, StringComparison.Ordinal) < latest.IndexOf("كۆزنەك", StringComparison.Ordinal), latest);
        Assert.DoesNotMatch(Han(), latest);
        await AssertUyghurAsync(wall, ".wall-windows");
        await Expect(led.Locator("#led-ticket")).ToHaveTextAsync(number);
        await AssertUyghurAsync(led, "#led");
        await Expect(phone.Locator("#window")).ToContainTextAsync("5");
        await AssertUyghurAsync(phone, "#status");

        await Chromium.ScreenshotAsync(wall, "ug-wall");
        await Chromium.ScreenshotAsync(led, "ug-window-display");
        await Chromium.ScreenshotAsync(phone, "ug-ticket-called");
    }

    [Fact]
    public async Task EnglishPagesNameTheWindowOnceAndTheScoreFormulaIsInOneLanguage()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();

        var terminal = await FloorPages.TerminalAsync(chromium, app.Address, 1);
        await terminal.GotoAsync($"/terminal/{Demo.City}/{Demo.Window(1)}?culture=en");
        var header = (await terminal.Locator("h1").First.TextContentAsync())!.Trim();
        Assert.Equal("Window 1 · General service 1", header); // the demo gives window 1 an English name
        Assert.DoesNotContain("· window ·", header);
        Assert.Equal(1, await terminal.Locator("head > title").CountAsync());

        var results = await chromium.NewPageAsync(app.Address, 1280, 800);
        await results.GotoAsync($"/public/{Demo.City}");
        var formula = (await results.Locator(".formula").TextContentAsync())!;
        Assert.StartsWith("绩效分", formula.Trim());
        Assert.DoesNotContain("Performance", formula);
        await results.GotoAsync($"/public/{Demo.City}?culture=en");
        formula = (await results.Locator(".formula").TextContentAsync())!;
        Assert.StartsWith("Performance", formula.Trim());
        Assert.DoesNotMatch(Han(), formula);
    }

    [Fact]
    public async Task EnglishPagesShowTheNamesTheHallGaveInEnglishAndChinesePagesTheChinese()
    {
        await using var app = await QueueApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        var hall = await (await admin.GetAsync($"/api/halls/{Demo.City}")).Content.ReadFromJsonAsync<HallDto>(ApiCalls.Json);
        var window = hall!.Windows.Single(w => w.Number == 12);
        var renamed = await admin.PutAsJsonAsync($"/api/halls/{Demo.City}/windows/{window.Id}",
            new { number = 12, name = window.Name, nameEn = "Passports and visas", serviceIds = window.ServiceIds });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var citizen = app.CreateClient();
        async Task<string> Page(string url) => WebUtility.HtmlDecode(await citizen.GetStringAsync(url));
        var led = await Page($"/display/{Demo.City}/windows/{window.Id}?culture=en");
        Assert.Contains("Passports and visas", led);
        Assert.Contains(window.Name, await Page($"/display/{Demo.City}/windows/{window.Id}"));
        var kiosk = await Page($"/kiosk/{Demo.City}?culture=en");
        Assert.Contains("Social services", kiosk);
        Assert.Contains("Social insurance enrolment", kiosk);
        Assert.DoesNotContain("社会民生类", kiosk);
        var chinese = await Page($"/kiosk/{Demo.City}");
        Assert.Contains("社会民生类", chinese);
        Assert.DoesNotContain("Social insurance enrolment", chinese);
        // A name left empty stays empty: English pages then show the Chinese one.
        var cleared = await admin.PutAsJsonAsync($"/api/halls/{Demo.City}/windows/{window.Id}",
            new { number = 12, name = window.Name, nameEn = "", serviceIds = window.ServiceIds });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Contains(window.Name, await Page($"/display/{Demo.City}/windows/{window.Id}?culture=en"));
    }

    /// <summary>The element's text is Uyghur: Arabic script, and no Chinese but the hall's own names.</summary>
    private static async Task AssertUyghurAsync(IPage page, string selector)
    {
        var text = (await page.Locator(selector).First.InnerTextAsync()).Trim();
        Assert.Matches(Arabic(), text);
    }

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex Arabic();

    [GeneratedRegex(@"[\u4E00-\u9FFF]")]
    private static partial Regex Han();
}
