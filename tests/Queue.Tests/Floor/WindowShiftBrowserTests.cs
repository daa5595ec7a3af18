using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Queue.Tests.Citizen;
using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Floor;

/// <summary>
/// A full shift at window 5 driven from its staff terminal in Chromium, while the wall display and the
/// window's LED display, each in its own browser page, show every change within a second.
/// </summary>
public sealed class WindowShiftBrowserTests
{
    private sealed record FloorTicketDto(Guid Id, string Number, string Status, string Priority, string ServiceId, string? Outcome,
        string? OutcomeNote, DateOnly? PromisedDate, List<string> MissingMaterials, string? TargetWindowId, Guid? ReturnOfTicketId);

    [Fact]
    public async Task AFullWindowShiftShowsOnTheWallAndTheWindowDisplayWithinASecond()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var address = app.Address;
        var citizen = app.CreateClient();
        var manager = await app.SignedInAsync("manager");
        (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/notices", new { text = "午间不休息，周六上午正常办理\n请提前准备好身份证件" })).EnsureSuccessStatusCode();
        await using var chromium = await Chromium.LaunchAsync();

        var wall = await FloorPages.WallAsync(chromium, address);
        var led = await FloorPages.WindowDisplayAsync(chromium, address, 5);
        var terminal = await FloorPages.TerminalAsync(chromium, address, 5);
        var tile = wall.Locator($"[data-window-id='{Demo.Window(5)}']");
        var ledRoot = led.Locator("#led");
        var second = new LocatorAssertionsToHaveAttributeOptions { Timeout = 1000 };
        var secondClass = new LocatorAssertionsToHaveClassOptions { Timeout = 1000 };

        await Expect(wall.Locator("#notices")).ToContainTextAsync("请提前准备好身份证件");
        await Expect(wall.Locator("#qr-box img")).ToBeVisibleAsync(); // the hall's rotating presence code

        // Close, then open the window.
        await terminal.ClickAsync("[data-action=close]");
        await Expect(terminal.Locator("#state")).ToHaveClassAsync(new Regex("state-closed"));
        await Expect(tile).ToHaveClassAsync(new Regex("state-closed"), secondClass);
        await Expect(ledRoot).ToHaveAttributeAsync("data-state", "closed", second);
        await terminal.ClickAsync("[data-action=open]");
        await Expect(terminal.Locator("#state")).ToHaveClassAsync(new Regex("state-open"));
        await Expect(tile).ToHaveClassAsync(new Regex("state-open"), secondClass);
        await Expect(ledRoot).ToHaveAttributeAsync("data-state", "open", second);

        var tickets = new List<TicketDto>();
        for (var i = 0; i < 6; i++) tickets.Add(await citizen.IssueAsync(Demo.SocialInsurance));

        async Task CallAsync(string expected)
        {
            await terminal.Keyboard.PressAsync("F1");
            await Expect(terminal.Locator(".current-number")).ToHaveTextAsync(expected);
            await Expect(wall.Locator("#latest .latest-number")).ToHaveTextAsync(expected, FloorPages.Second);
            await Expect(tile.Locator(".w-ticket")).ToHaveTextAsync(expected, FloorPages.Second);
            await Expect(led.Locator("#led-ticket")).ToHaveTextAsync(expected, FloorPages.Second);
            await Expect(led.Locator("#led-status")).ToContainTextAsync("请", new() { Timeout = 1000 });
        }
        async Task StartAsync()
        {
            await terminal.ClickAsync("[data-action=start]");
            await Expect(terminal.Locator("#act-serving")).ToBeVisibleAsync();
            await Expect(led.Locator("#led-status")).ToContainTextAsync("正在办理", new() { Timeout = 1000 });
        }
        async Task WindowFreeAsync()
        {
            await Expect(terminal.Locator("#current .muted")).ToBeVisibleAsync();
            await Expect(tile).ToHaveClassAsync(new Regex("state-open"), secondClass);
            await Expect(ledRoot).ToHaveAttributeAsync("data-state", "open", second);
        }
        async Task<FloorTicketDto> ReadAsync(TicketDto t) =>
            (await citizen.GetFromJsonAsync<FloorTicketDto>($"/api/tickets/{t.Id}?token={t.Token}", ApiCalls.Json))!;

        // Call, recall up to the hall's limit (3): each recall reaches the wall at once.
        await CallAsync(tickets[0].Number);
        for (var n = 1; n <= 3; n++)
        {
            await terminal.ClickAsync("#recall");
            await Expect(terminal.Locator("#recall-count")).ToHaveTextAsync($"{n}/3");
            await wall.WaitForFunctionAsync($"() => window.__calls.filter(c => c.isRecall && c.ticketNumber === '{tickets[0].Number}').length === {n}",
                null, new() { Timeout = 1000 });
        }
        await Expect(terminal.Locator("#recall")).ToBeDisabledAsync();

        // 即办
        await StartAsync();
        await terminal.ClickAsync("[data-outcome=done]");
        await WindowFreeAsync();
        Assert.Equal("done", (await ReadAsync(tickets[0])).Outcome);

        // 承诺件 with the promised date (the form proposes today).
        await CallAsync(tickets[1].Number);
        await StartAsync();
        await terminal.ClickAsync("[data-outcome=promised]");
        var promised = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(3);
        await terminal.FillAsync("input[name=promisedDate]", promised.ToString("yyyy-MM-dd"));
        await Chromium.ScreenshotAsync(terminal, "floor-terminal");
        await terminal.ClickAsync("#outcome-confirm");
        await WindowFreeAsync();
        Assert.Equal(promised, (await ReadAsync(tickets[1])).PromisedDate);

        // 补办: two materials from the guide, the ticket page shows the one-time notice, the citizen re-enters.
        await CallAsync(tickets[2].Number);
        await StartAsync();
        await terminal.ClickAsync("[data-outcome=supplementRequired]");
        await terminal.ClickAsync("#outcome-confirm"); // nothing named yet: refused in the terminal's language
        await Expect(terminal.Locator("#message")).ToHaveTextAsync("补办请勾选所缺材料，或在备注中写明。");
        await terminal.CheckAsync("#material-0");
        await terminal.CheckAsync("#material-2");
        await terminal.ClickAsync("#outcome-confirm");
        await WindowFreeAsync();
        var supplement = await ReadAsync(tickets[2]);
        Assert.Equal(["居民身份证原件", "劳动合同或就业登记材料"], supplement.MissingMaterials);

        var phone = await chromium.NewPageAsync(address, 390, 844);
        await phone.GotoAsync(tickets[2].TrackUrl!);
        await Expect(phone.Locator("#supplement li")).ToHaveCountAsync(2);
        await Expect(phone.Locator("#supplement")).ToContainTextAsync("劳动合同或就业登记材料");
        await Chromium.ScreenshotAsync(phone, "floor-supplement-notice");
        // The re-entry's own answer is kept, so a failure says what the server answered rather than "no navigation".
        var reentry = await phone.RunAndWaitForResponseAsync(() => phone.ClickAsync("#re-enter"), r => r.Url.Contains("/re-entry"));
        if (reentry.Status != 201) Assert.Fail($"re-entry answered {reentry.Status}: {await reentry.TextAsync()}");
        await phone.WaitForURLAsync(new Regex("/t/(?!" + tickets[2].Id + ")"), Chromium.Arrived);
        var returning = (await phone.Locator("#number").TextContentAsync())!.Trim();
        Assert.Matches("^A\\d{3}$", returning);
        // Back in the hall, the phone scans the presence code on the wall: the re-entry is checked in and callable.
        var presence = await citizen.PresenceCodeAsync();
        await phone.GotoAsync($"/p/{Demo.City}?c={Uri.EscapeDataString(presence.Code)}");

        // The returning ticket is called before the three still waiting; it is 退回 with a reason.
        await CallAsync(returning);
        await StartAsync();
        await terminal.ClickAsync("[data-outcome=rejected]");
        await terminal.FillAsync("textarea[name=note]", "材料与申请事项不符");
        await terminal.ClickAsync("#outcome-confirm");
        await WindowFreeAsync();

        // Transfer to a specific window: the ticket waits for window 6 only, with its place kept.
        await CallAsync(tickets[3].Number);
        await terminal.SelectOptionAsync("#transfer-window", Demo.Window(6));
        await terminal.ClickAsync("[data-action=transfer]");
        await WindowFreeAsync();
        var sent = await ReadAsync(tickets[3]);
        Assert.Equal(("waiting", Demo.Window(6), "returning"), (sent.Status, sent.TargetWindowId, sent.Priority));
        await Expect(terminal.Locator("#queue")).Not.ToContainTextAsync(tickets[3].Number);

        // No-show.
        await CallAsync(tickets[4].Number);
        await terminal.ClickAsync("[data-action=no-show]");
        await WindowFreeAsync();
        Assert.Equal("noShow", (await ReadAsync(tickets[4])).Status);

        // Transfer to another service.
        await CallAsync(tickets[5].Number);
        await StartAsync();
        await terminal.SelectOptionAsync("#transfer-to", Demo.CompanySetup);
        await terminal.ClickAsync("[data-action=transfer]");
        await WindowFreeAsync();
        Assert.Equal(Demo.CompanySetup, (await ReadAsync(tickets[5])).ServiceId);

        await Expect(terminal.Locator("#today-completed")).ToHaveTextAsync("4");
        await Expect(terminal.Locator("#today-noshows")).ToHaveTextAsync("1");

        // Pause, resume, close.
        // As above: the second is the push to the wall and the LED once the terminal has its answer.
        await terminal.ClickAsync("[data-action=pause]");
        await Expect(terminal.Locator("#state")).ToHaveClassAsync(new Regex("state-paused"));
        await Expect(tile).ToHaveClassAsync(new Regex("state-paused"), secondClass);
        await Expect(ledRoot).ToHaveAttributeAsync("data-state", "paused", second);
        await Expect(ledRoot).Not.ToHaveClassAsync(new Regex("flash"), new() { Timeout = 8000 });
        await Chromium.ScreenshotAsync(led, "floor-window-display-paused");
        await FloorPages.AssertNothingClippedAsync(led);
        // The same display on a 16:9 panel: 暂停服务 · 请稍候 whole, or a paused window reads like a closed one.
        var ledWide = await FloorPages.WindowDisplayAsync(chromium, address, 5, 1920, 1080);
        await Expect(ledWide.Locator("#led")).ToHaveAttributeAsync("data-state", "paused");
        await Expect(ledWide.Locator("#led-status")).ToHaveTextAsync("暂停服务 · 请稍候");
        await Chromium.ScreenshotAsync(ledWide, "floor-window-display-paused-1080p");
        await FloorPages.AssertNothingClippedAsync(ledWide);
        await terminal.ClickAsync("[data-action=resume]");
        await Expect(terminal.Locator("#state")).ToHaveClassAsync(new Regex("state-open"));
        await Expect(ledRoot).ToHaveAttributeAsync("data-state", "open", second);
        await terminal.ClickAsync("[data-action=close]");
        await Expect(terminal.Locator("#state")).ToHaveClassAsync(new Regex("state-closed"));
        await Expect(tile).ToHaveClassAsync(new Regex("state-closed"), secondClass);
        await Expect(ledRoot).ToHaveAttributeAsync("data-state", "closed", second);

        // Wall screenshots with a few windows busy, at 1080p and 4K.
        var staff = await app.SignedInAsync("manager");
        for (var w = 1; w <= 4; w++)
        {
            await citizen.IssueAsync(w % 2 == 0 ? Demo.Invoice : Demo.CompanySetup);
            (await staff.WindowAsync(w, "call-next")).EnsureSuccessStatusCode();
        }
        for (var i = 0; i < 5; i++) await citizen.IssueAsync(Demo.SocialInsurance);
        await Expect(wall.Locator($"[data-window-id='{Demo.Window(4)}']")).ToHaveClassAsync(new Regex("state-serving"), secondClass);
        await Expect(wall.Locator("#latest")).Not.ToHaveClassAsync(new Regex("flash"), new() { Timeout = 8000 });
        await Chromium.ScreenshotAsync(wall, "floor-wall-1080p");
        var wall4k = await FloorPages.WallAsync(chromium, address, 3840, 2160);
        await Chromium.ScreenshotAsync(wall4k, "floor-wall-4k");
        foreach (var (width, height, suffix) in new[] { (1280, 320, ""), (1920, 1080, "-1080p") })
        {
            var called = await FloorPages.WindowDisplayAsync(chromium, address, 4, width, height);
            await Expect(called.Locator("#led-status")).ToHaveTextAsync(new Regex(@"^请 [A-Z]\d{3} 号$"));
            await Chromium.ScreenshotAsync(called, "floor-window-display-called" + suffix);
            await FloorPages.AssertNothingClippedAsync(called);
            // The demo hall's longest window name.
            var named = await FloorPages.WindowDisplayAsync(chromium, address, 12, width, height);
            await Expect(named.Locator(".led-name")).ToHaveTextAsync("12号公安出入境");
            await Chromium.ScreenshotAsync(named, "floor-window-display-open" + suffix);
            await FloorPages.AssertNothingClippedAsync(named);
        }

        // Sign out: the terminal needs a sign-in again.
        await terminal.ClickAsync("#sign-out");
        await terminal.GotoAsync($"/terminal/{Demo.City}/{Demo.Window(5)}");
        await Expect(terminal.Locator("input[name=username]")).ToBeVisibleAsync();
    }
}
