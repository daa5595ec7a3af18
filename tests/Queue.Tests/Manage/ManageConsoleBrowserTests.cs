using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Manage;

/// <summary>A hall manager at the console in real Chromium: sees alerts and advice, rebalances a window, sees both change.</summary>
public sealed class ManageConsoleBrowserTests
{
    private const string Construction = "jc-civic-construction-permit";

    [Fact]
    public async Task ManagerRebalancesAWindowAndSeesAdviceAndAlertsChange()
    {
        var clock = ConsoleClock.InOpeningHours();
        await using var app = await QueueApp.StartAsync(clock: clock, kestrel: true);
        var api = await app.SignedInAsync("manager");
        // 工程建设类 is left to window 11 alone, and a queue builds up for it.
        foreach (var n in new[] { 1, 2, 3, 4, 10 }) (await api.WindowAsync(n, "close")).EnsureSuccessStatusCode();
        var citizen = app.CreateClient();
        for (var i = 0; i < 12; i++) await citizen.IssueAsync(Construction);
        (await api.WindowAsync(11, "call-next")).EnsureSuccessStatusCode();
        (await api.WindowAsync(11, "start")).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(17));

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(app.Address, 1600, 1300);
        await page.GotoAsync($"/manage/{Demo.City}");
        await page.FillAsync("input[name=username]", "manager");
        await page.FillAsync("input[name=password]", "demo123");
        await page.ClickAsync("button[type=submit]");

        // Supervision: waits past the target, and windows closed while their services have a queue.
        var closedAlert = page.Locator($"#alerts li[data-key^='closed:{Demo.Window(10)}:']");
        await Assertions.Expect(closedAlert).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#alerts li.alert-yellow").First).ToBeVisibleAsync();
        // Advice from the what-if runs: give 工程建设类 to another window.
        var advice = page.Locator("#advice li.advice-item").First;
        await Assertions.Expect(advice).ToContainTextAsync("工程建设类", new() { Timeout = 30_000 });
        await Assertions.Expect(advice).ToContainTextAsync("→");
        await Chromium.ScreenshotAsync(page, "manage-console-before");

        // Acknowledge an alert: it leaves the live list and enters the log.
        await closedAlert.Locator("button[data-ack]").ClickAsync();
        await Assertions.Expect(closedAlert).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#alert-log tbody tr")).ToHaveCountAsync(1);

        // Rebalance: open the services dialog of window 6 (社会民生) and add 建筑工程施工许可证核发.
        var adviceBefore = await page.Locator("#advice").InnerTextAsync();
        await page.ClickAsync($"button[data-edit='{Demo.Window(6)}']");
        await page.CheckAsync($"#skills-list input[value='{Construction}']");
        await page.ClickAsync("#skills-save");
        await Assertions.Expect(page.Locator($"tr[data-window='{Demo.Window(6)}'] .skills")).ToContainTextAsync("建筑工程施工许可证核发", new() { Timeout = 10_000 });
        var hall = await api.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}");
        var w6 = hall.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("id").GetString() == Demo.Window(6));
        Assert.Contains(Construction, w6.GetProperty("serviceIds").EnumerateArray().Select(s => s.GetString()));

        // Window 6 now stands idle while tickets it could serve wait: a new alert; and the advice is recomputed.
        await Assertions.Expect(page.Locator($"#alerts li[data-key^='idle:{Demo.Window(6)}:']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#advice")).Not.ToHaveTextAsync(adviceBefore, new() { Timeout = 30_000 });

        // Reopen window 10 from the console.
        await page.ClickAsync($"button[data-open='{Demo.Window(10)}']");
        await Assertions.Expect(page.Locator($"tr[data-window='{Demo.Window(10)}'] .badge")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("state-open"));
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await Chromium.ScreenshotAsync(page, "manage-console-after");
        await page.Locator("#windows").ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(page, "manage-console-windows");
    }
}
