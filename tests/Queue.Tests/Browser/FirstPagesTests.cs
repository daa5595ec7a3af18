using Microsoft.Playwright;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Browser;

/// <summary>A newcomer's first look, in real Chromium: kiosk ticket, staff terminal, wall display, ticket page.</summary>
public sealed class FirstPagesTests
{
    [Fact]
    public async Task KioskTicketIsCalledFromTheTerminalAndShowsOnTheWallAndTheTicketPage()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var address = app.Address;
        await using var chromium = await Chromium.LaunchAsync();

        var wall = await chromium.NewPageAsync(address, 1920, 1080);
        await wall.GotoAsync($"/display/{Demo.City}");

        var kiosk = await chromium.NewPageAsync(address, 1080, 1920);
        await kiosk.GotoAsync($"/kiosk/{Demo.City}");
        await kiosk.ClickAsync($"button[data-service='{Demo.Invoice}']");
        var number = (await kiosk.Locator("#issued-number").TextContentAsync())!.Trim();
        Assert.Matches("^F\\d{3}$", number);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-issued");
        var trackUrl = await kiosk.Locator("img.qr").GetAttributeAsync("data-track-url");

        var phone = await chromium.NewPageAsync(address, 390, 844);
        await phone.GotoAsync(trackUrl!);
        await Assertions.Expect(phone.Locator("#number")).ToHaveTextAsync(number);

        var terminal = await chromium.NewPageAsync(address, 1280, 800);
        await terminal.GotoAsync($"/terminal/{Demo.City}/{Demo.Window(14)}");
        await terminal.FillAsync("input[name=username]", "staff14");
        await terminal.FillAsync("input[name=password]", "demo123");
        await terminal.ClickAsync("button[type=submit]");
        await terminal.ClickAsync("#call-next");
        await Assertions.Expect(terminal.Locator(".current-number")).ToHaveTextAsync(number);

        await Assertions.Expect(wall.Locator("#latest .latest-number")).ToHaveTextAsync(number, new() { Timeout = 1000 });
        await Assertions.Expect(phone.Locator("#window")).ToContainTextAsync("14", new() { Timeout = 1000 });
        await Chromium.ScreenshotAsync(wall, "wall-display");
        await Chromium.ScreenshotAsync(phone, "ticket-called");
        await Chromium.ScreenshotAsync(terminal, "staff-terminal");
    }
}
