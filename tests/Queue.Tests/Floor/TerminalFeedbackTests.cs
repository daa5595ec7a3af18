using System.Text.RegularExpressions;
using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Floor;

/// <summary>
/// The staff terminal as staff meet it (issue 17, defect 4): signing in lands on their own window; the badge tells a
/// called ticket (已叫号) from one being served (办理中); a no-show or a transfer is said in words, and the day's handled
/// and no-show tickets are listed at the window.
/// </summary>
public sealed class TerminalFeedbackTests
{
    [Fact]
    public async Task StaffLandOnTheirTerminalAndEveryTicketThatLeavesTheScreenIsSaidAndListed()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var citizen = app.CreateClient();
        var tickets = new List<TicketDto>();
        for (var i = 0; i < 3; i++) tickets.Add(await citizen.IssueAsync(Demo.SocialInsurance));
        await using var chromium = await Chromium.LaunchAsync();
        var terminal = await chromium.NewPageAsync(app.Address, 1280, 1000);

        // Sign in from the home page's terminal link: the login, then window 5's terminal (staff05 works window 5).
        await terminal.GotoAsync("/");
        await terminal.Locator($"[data-hall='{Demo.City}'] .hall-links a[href='/terminal/{Demo.City}']").ClickAsync();
        await terminal.FillAsync("input[name=username]", "staff05");
        await terminal.FillAsync("input[name=password]", "demo123");
        await terminal.ClickAsync("button[type=submit]");
        await terminal.WaitForURLAsync($"**/terminal/{Demo.City}/{Demo.Window(5)}", Chromium.Arrived);
        // A plain sign-in (no page asked for) lands there too, not on the public home page.
        var direct = await chromium.NewPageAsync(app.Address);
        await direct.GotoAsync("/login");
        await direct.FillAsync("input[name=username]", "staff05");
        await direct.FillAsync("input[name=password]", "demo123");
        await direct.ClickAsync("button[type=submit]");
        await direct.WaitForURLAsync($"**/terminal/{Demo.City}/{Demo.Window(5)}", Chromium.Arrived);

        var badge = terminal.Locator("#state");
        await Expect(badge).ToHaveClassAsync(new Regex("state-open"));
        // The demo opened it with nobody at it: the terminal says so and offers to work here (issue 17, decision 0105).
        await Expect(terminal.Locator("#act-attend")).ToContainTextAsync("无人在岗");
        await Chromium.ScreenshotAsync(terminal, "floor-terminal-unattended");
        await terminal.ClickAsync("[data-action=attend]");
        await Expect(terminal.Locator("#act-attend")).ToBeHiddenAsync();

        // Called: 已叫号; started: 办理中; completed: said, and listed.
        await terminal.Keyboard.PressAsync("F1");
        await Expect(terminal.Locator(".current-number")).ToHaveTextAsync(tickets[0].Number);
        await Expect(badge).ToHaveTextAsync("已叫号");
        await terminal.ClickAsync("[data-action=start]");
        await Expect(badge).ToHaveTextAsync("办理中");
        await terminal.ClickAsync("[data-outcome=done]");
        await Expect(terminal.Locator("#message")).ToHaveTextAsync($"{tickets[0].Number} 已办结");

        // No-show: said, and listed as 已过号.
        await terminal.Keyboard.PressAsync("F1");
        await Expect(terminal.Locator(".current-number")).ToHaveTextAsync(tickets[1].Number);
        await terminal.ClickAsync("[data-action=no-show]");
        await Expect(terminal.Locator("#message")).ToHaveTextAsync($"{tickets[1].Number} 已过号");

        // Transfer to window 6: said, with where it went.
        await terminal.Keyboard.PressAsync("F1");
        await Expect(terminal.Locator(".current-number")).ToHaveTextAsync(tickets[2].Number);
        await terminal.SelectOptionAsync("#transfer-window", Demo.Window(6));
        await terminal.ClickAsync("[data-action=transfer]");
        await Expect(terminal.Locator("#message")).ToContainTextAsync($"{tickets[2].Number} 已转移至 6 号窗口");

        var history = terminal.Locator("#history li");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.Nth(0)).ToContainTextAsync($"{tickets[1].Number} · 社会保险参保登记 · 已过号");
        await Expect(history.Nth(1)).ToContainTextAsync($"{tickets[0].Number} · 社会保险参保登记 · 即办");
        await Expect(terminal.Locator("#history-count")).ToHaveTextAsync("2");
        await Chromium.ScreenshotAsync(terminal, "floor-terminal-history");
    }
}
