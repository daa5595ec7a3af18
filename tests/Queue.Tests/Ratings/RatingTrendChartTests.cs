using Microsoft.Playwright;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>The console's rating trend: the count on its own axis, the satisfaction rate on a 0–100 % one.</summary>
public sealed class RatingTrendChartTests
{
    [Fact]
    public async Task TheTrendDrawsTheCountAndTheRateOnAxesOfTheirOwn()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var citizen = app.CreateClient();
        var staff07 = await app.SignedInAsync("staff07");
        foreach (var level in new[] { "verySatisfied", "satisfied", "dissatisfied" })
            await citizen.RatedAsync(await staff07.ServeAsync(citizen, 7), level);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(app.Address, 1440, 1000);
        await page.GotoAsync("/ratings");
        await page.FillAsync("input[name=username]", "evaluator");
        await page.FillAsync("input[name=password]", "demo123");
        await page.ClickAsync("button[type=submit]");
        var titles = page.Locator("#trend .rz-axis-title");
        await Assertions.Expect(titles.First).ToBeAttachedAsync(new() { Timeout = 30000 });
        var text = string.Join(" | ", await titles.AllTextContentsAsync());
        Assert.Contains("条", text);
        Assert.Contains("%", text);
        await Assertions.Expect(page.Locator("#trend .rz-legend").First).ToContainTextAsync("评价数（条）");
        await Assertions.Expect(page.Locator("#trend .rz-legend").Last).ToContainTextAsync("满意率（%）");
        await page.Locator("#trend").ScrollIntoViewIfNeededAsync();
        await page.Locator(".rc-charts").ScreenshotAsync(new() { Path = Path.Combine(TestEnvironment.ScreenshotDir, "ratings-trend.png") });
    }
}
