using System.Net.Http.Json;
using Microsoft.Playwright;
using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Setup;

/// <summary>
/// A person who never saw the demo opens a hall in real Chromium on a fresh database: /setup → /admin → a hall → a
/// 912-matter catalog from XLSX → windows → a staff account; that person signs in at a window's terminal and calls the
/// ticket a citizen took on the kiosk.
/// </summary>
public sealed class AdminBrowserTests
{
    private static readonly LocatorAssertionsToContainTextOptions Circuit = new() { Timeout = 30000 };

    [Fact]
    public async Task ADirectorSetsUpAHallFromNothingAndItsStaffCallTheFirstKioskTicket()
    {
        await using var app = await SetupCalls.FreshAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(app.Address, 1440, 1000);

        // From the server itself (loopback) no token is asked for.
        await page.GotoAsync("/setup");
        await Expect(page.Locator("input[name=setupToken]")).ToHaveCountAsync(0);
        await page.FillAsync("input[name=username]", "director");
        await page.FillAsync("input[name=displayName]", "中心主任");
        await page.FillAsync("input[name=password]", SetupCalls.AdminPassword);
        await page.ClickAsync("#setup-form button[type=submit]");
        await page.WaitForURLAsync("**/admin", Chromium.Arrived);
        await Expect(page.Locator("h1")).ToContainTextAsync("系统管理", Circuit);

        await page.FillAsync("#new-hall-id", "haimen");
        await page.FillAsync("#new-hall-name", "海门区政务服务中心");
        await page.FillAsync("#new-hall-region", "320684");
        await page.FillAsync("#new-hall-address", "海门区北京中路");
        await page.ClickAsync("#new-hall-save");
        await Expect(page.Locator("#halls-saved")).ToContainTextAsync("海门区政务服务中心", Circuit);
        await Expect(page.Locator("#hall-pick")).ToHaveValueAsync("haimen");

        // A bad catalog first: the rejected rows are listed, nothing is imported.
        var bad = SetupCalls.Catalog(912);
        bad[99][2] = "甲";
        var badFile = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(badFile, SetupCalls.ExcelXlsx(bad));
        await page.ClickAsync(".rz-tabview-nav >> text=事项");
        await page.SetInputFilesAsync("#import-file", badFile);
        await Expect(page.Locator("#import-rejected")).ToContainTextAsync("101", Circuit);
        await Expect(page.Locator("#matters-grid")).Not.ToContainTextAsync("hm-0001");

        var file = Path.Combine(Path.GetTempPath(), $"haimen-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, SetupCalls.ExcelXlsx(SetupCalls.Catalog(912)));
        await page.SetInputFilesAsync("#import-file", file);
        await Expect(page.Locator("#matters-message")).ToContainTextAsync("新增 912 项", Circuit);
        await Expect(page.Locator("#matters-grid")).ToContainTextAsync("hm-0001");

        await page.ClickAsync(".rz-tabview-nav >> text=窗口");
        await page.ClickAsync("#window-save");
        await Expect(page.Locator("#windows-message")).ToContainTextAsync("1 号窗口（912 项事项）", Circuit);
        await page.ClickAsync("#window-save");
        await Expect(page.Locator("#windows-message")).ToContainTextAsync("2 号窗口", Circuit);
        await Expect(page.Locator("[data-pad='haimen-w01']")).ToContainTextAsync("未配对", Circuit);
        // Window 1's evaluator pad is paired (on the pad, through the same route): the windows tab says since when.
        var director = await app.SignedInAsync("director", SetupCalls.AdminPassword);
        (await director.PostAsync("/api/halls/haimen/windows/haimen-w01/pad", null)).EnsureSuccessStatusCode();

        await page.ClickAsync(".rz-tabview-nav >> text=账号");
        await page.FillAsync("#account-username", "wang");
        await page.FillAsync("#account-name", "王晓燕");
        await page.FillAsync("#account-staff-number", "HM0101");
        await page.FillAsync("#account-password", "Wang-2026-a");
        await page.ClickAsync("#account-save");
        await Expect(page.Locator("#accounts-message")).ToContainTextAsync("wang", Circuit);
        await Expect(page.Locator("#accounts-grid")).ToContainTextAsync("haimen");

        // A fresh page reads the pads again: window 1's is paired now.
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("#hall-pick")).ToHaveValueAsync("haimen", new() { Timeout = 30000 });
        await page.ClickAsync(".rz-tabview-nav >> text=窗口");
        await Expect(page.Locator("[data-pad='haimen-w01']")).ToContainTextAsync("已配对", Circuit);
        await Expect(page.Locator("[data-pad='haimen-w02']")).ToContainTextAsync("未配对", Circuit);
        await Chromium.ScreenshotAsync(page, "admin-windows");
        await page.ClickAsync(".rz-tabview-nav >> text=事项");
        await Chromium.ScreenshotAsync(page, "admin-matters");
        await page.ClickAsync(".rz-tabview-nav >> text=操作日志");
        await page.ClickAsync("#audit-refresh");
        await Expect(page.Locator("#audit-grid")).ToContainTextAsync("account.create", Circuit);
        await Chromium.ScreenshotAsync(page, "admin-audit");

        // A notice's holiday is entered as it is written, one range.
        await page.ClickAsync(".rz-tabview-nav >> text=日历");
        await Expect(page.Locator("#national-table")).ToContainTextAsync("2026-10-01", Circuit);
        await Chromium.ScreenshotAsync(page, "admin-calendar");
        await page.FillAsync("#day-date", "2027-02-06");
        await page.FillAsync("#day-to", "2027-02-14");
        await page.FillAsync("#day-name", "春节");
        await page.ClickAsync("#day-save");
        await Expect(page.Locator("#calendar-message")).ToContainTextAsync("共 9 天", Circuit);
        await Expect(page.Locator("#national-table")).ToContainTextAsync("2027-02-14", Circuit);

        var kiosk = await chromium.NewPageAsync(app.Address, 1080, 1920);
        await kiosk.GotoAsync("/kiosk/haimen");
        await kiosk.ClickAsync("button[data-service='hm-0007']");
        var number = (await kiosk.Locator("#issued-number").TextContentAsync())!.Trim();
        Assert.Matches("^[A-F]\\d{3}$", number);

        // The staff member sits at window 2 today, not a window bound to the account.
        var terminal = await chromium.NewPageAsync(app.Address, 1280, 900);
        await terminal.GotoAsync("/terminal/haimen/haimen-w02");
        await terminal.FillAsync("input[name=username]", "wang");
        await terminal.FillAsync("input[name=password]", "Wang-2026-a");
        await terminal.ClickAsync("button[type=submit]");
        await terminal.ClickAsync("[data-action=open]");
        await terminal.ClickAsync("#call-next");
        await Expect(terminal.Locator(".current-number")).ToHaveTextAsync(number);
        await Chromium.ScreenshotAsync(terminal, "admin-staff-terminal");
    }

    /// <summary>An open /admin page lives in its circuit; when its account is disabled the page stops within the circuit's 30-s revalidation.</summary>
    [Fact]
    public async Task AnOpenAdminPageOfADisabledAccountStopsAndAsksToSignInAgain()
    {
        await using var app = await SetupCalls.FreshAsync(kestrel: true);
        var director = await app.FirstAdminAsync();
        var deputy = (await (await director.PostAsJsonAsync("/api/accounts", new { username = "deputy", displayName = "副主任", role = "admin", password = "Deputy-2026-x" }))
            .JsonAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetString();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(app.Address, 1440, 1000);
        await page.GotoAsync("/login?returnUrl=%2Fadmin");
        await page.FillAsync("input[name=username]", "deputy");
        await page.FillAsync("input[name=password]", "Deputy-2026-x");
        await page.ClickAsync("form.login button[type=submit]");
        await page.WaitForURLAsync("**/admin", Chromium.Arrived);
        await Expect(page.Locator("#hall-pick")).ToBeVisibleAsync(new() { Timeout = 30000 });

        await (await director.PostAsync($"/api/accounts/{deputy}/disable", null)).JsonAsync(System.Net.HttpStatusCode.OK);
        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync(new() { Timeout = 60000 });
        await Expect(page.Locator("#hall-pick")).ToHaveCountAsync(0);
        // And the next page load is the sign-in page, the cookie no longer a session.
        await page.GotoAsync("/admin", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync("**/login**", Chromium.Arrived);
    }
}
