using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Floor;

/// <summary>
/// An open window nobody is at does not invite anyone: the wall's tile, the window's LED strip and the terminal's
/// badge say nobody is there until a staff member takes the window (在此办公), and 空闲 / 欢迎办理 after.
/// </summary>
public sealed class UnattendedWindowWordingTests
{
    [Fact]
    public async Task AnOpenWindowNobodyIsAtSaysSoOnTheWallTheStripAndTheTerminalUntilStaffTakeIt()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var wall = await FloorPages.WallAsync(chromium, app.Address);
        var led = await FloorPages.WindowDisplayAsync(chromium, app.Address, 3);
        var terminal = await FloorPages.TerminalAsync(chromium, app.Address, 3);
        var tile = wall.Locator($"[data-window-id='{Demo.Window(3)}'] .w-ticket");

        await Expect(tile).ToHaveTextAsync("暂无人员");
        await Expect(led.Locator("#led-status")).ToHaveTextAsync("暂无工作人员 · 请到其他窗口");
        await Expect(terminal.Locator("#state")).ToHaveTextAsync("暂无人员");
        await FloorPages.AssertNothingClippedAsync(led);
        await Chromium.ScreenshotAsync(led, "floor-led-unattended");

        await terminal.ClickAsync("#act-attend button");
        await Expect(terminal.Locator("#state")).ToHaveTextAsync("空闲", FloorPages.Second);
        await Expect(tile).ToHaveTextAsync("空闲", FloorPages.Second);
        await Expect(led.Locator("#led-status")).ToHaveTextAsync("欢迎办理", FloorPages.Second);
        // The other windows still have nobody at them.
        await Expect(wall.Locator($"[data-window-id='{Demo.Window(4)}'] .w-ticket")).ToHaveTextAsync("暂无人员");
    }
}
