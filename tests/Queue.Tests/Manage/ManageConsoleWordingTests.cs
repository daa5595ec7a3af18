using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Manage;

/// <summary>
/// What the manager reads at the console (issue 17, defect 6): a closed window says 已关闭, not 暂停服务; the load bars
/// carry their unit; saving a window with no service at all is warned about before it is done.
/// </summary>
public sealed class ManageConsoleWordingTests
{
    [Fact]
    public async Task AClosedWindowReadsClosedLoadsHaveAUnitAndAWindowWithoutServicesIsWarnedAbout()
    {
        await using var app = await QueueApp.StartAsync(clock: ConsoleClock.InOpeningHours(), kestrel: true);
        var api = await app.SignedInAsync("manager");
        (await api.WindowAsync(10, "close")).EnsureSuccessStatusCode();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(app.Address, 1600, 1300);
        await page.GotoAsync($"/manage/{Demo.City}");
        await page.FillAsync("input[name=username]", "manager");
        await page.FillAsync("input[name=password]", "demo123");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.Locator($"tr[data-window='{Demo.Window(10)}'] .badge")).ToHaveTextAsync("已关闭");
        await Expect(page.Locator($"tr[data-window='{Demo.Window(1)}'] .load span")).ToHaveTextAsync(new Regex(@"^\d+\.\d 分钟$"));

        // Untick every service of window 6 and save: a warning, the dialog stays; a second save keeps it so.
        await page.ClickAsync($"button[data-edit='{Demo.Window(6)}']");
        foreach (var box in await page.Locator("#skills-list input").AllAsync()) await box.UncheckAsync();
        await page.ClickAsync("#skills-save");
        await Expect(page.Locator("#skills-warning")).ToBeVisibleAsync();
        await Expect(page.Locator("#skills-dialog")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "manage-no-service-warning");
        var hall = await api.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}");
        Assert.NotEmpty(Window6(hall).GetProperty("serviceIds").EnumerateArray());

        await page.ClickAsync("#skills-save");
        await Expect(page.Locator("#skills-dialog")).ToBeHiddenAsync();
        await Expect(page.Locator($"tr[data-window='{Demo.Window(6)}'] .skills")).ToBeEmptyAsync(new() { Timeout = 10_000 });
        hall = await api.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}");
        Assert.Empty(Window6(hall).GetProperty("serviceIds").EnumerateArray());
    }

    private static JsonElement Window6(JsonElement hall) =>
        hall.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("id").GetString() == Demo.Window(6));
}
