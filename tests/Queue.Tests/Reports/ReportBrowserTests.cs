using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Queue.LoadTests;
using Queue.Silo.Reports;
using Queue.Silo.Storage;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Reports;

/// <summary>The report page as a hall director uses it, in real Chromium over the interactive Blazor Server circuit.</summary>
public sealed class ReportBrowserTests
{
    [Fact]
    public async Task TheDirectorReadsTheDayTheMonthsChartsTheStaffingPlanAndTheHallsBelowAndAnEmptyDaySaysNoData()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await HandCountedDay.WriteAsync(app);
        var weeks = await WriteWeeksAsync(app, new DateOnly(2026, 10, 19), 28, 700);
        var november = weeks.Count(t => t.BusinessDay.Month == 11) + HandCountedDay.Tickets().Count;
        var october = weeks.Count(t => t.BusinessDay.Month == 10);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(app.Address, 1440, 1000);
        await page.GotoAsync($"/reports/{Demo.City}?period=day&date=2026-11-16");
        await page.FillAsync("input[name=username]", "manager");
        await page.FillAsync("input[name=password]", "demo123");
        await page.ClickAsync("button[type=submit]");
        // The circuit starts once blazor.web.js has loaded and its WebSocket is open: seconds on a loaded 2-core machine.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("排队统计报表", new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator("#card-issued b")).ToHaveTextAsync("10", new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator("#card-mean-wait b")).ToHaveTextAsync("17.6 分钟");
        await Assertions.Expect(page.Locator("#card-p50 b")).ToHaveTextAsync("15.0 分钟");
        await Assertions.Expect(page.Locator("#card-p90 b")).ToHaveTextAsync("40.0 分钟");
        await Assertions.Expect(page.Locator("#card-within15 b")).ToHaveTextAsync("50.0%");
        await Assertions.Expect(page.Locator("#card-issued .note")).ToContainTextAsync("取号机 7 · 手机 2 · 预约 1");
        // The previous day (Sunday) had nobody: said so, not a zero.
        await Assertions.Expect(page.Locator("#card-issued small").First).ToContainTextAsync("上期无数据");
        await Assertions.Expect(page.Locator("#halls tbody tr")).ToHaveCountAsync(2);

        // The table follows the grouping picked; windows ranked in the chart.
        await page.ClickAsync("#tables button[data-by=window]");
        await Assertions.Expect(page.Locator("#tables .rz-data-row")).ToHaveCountAsync(3, new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator("#tables .rz-data-row").First).ToContainTextAsync("7号企业开办");
        Assert.Contains("by=window", await page.Locator("#export-csv").GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator("#chart-windows .rz-bar-series").First).ToBeAttachedAsync();
        await Chromium.ScreenshotAsync(page, "reports-day");

        // A month of a busy hall: charts with axes and legends, the heat map, the staffing plan.
        await page.ClickAsync("#filters button[data-kind=month]");
        await Assertions.Expect(page.Locator("#card-issued b")).ToHaveTextAsync(november.ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 30000 });
        Assert.Contains("period=month", page.Url); // the period is in the address, to share or bookmark
        await Assertions.Expect(page.Locator("#card-issued small").First).ToContainTextAsync("上期 " + october.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var chart in new[] { "#chart-arrivals", "#chart-waits", "#chart-distribution", "#chart-windows" })
        {
            await Assertions.Expect(page.Locator($"{chart} .rz-axis-title").First).ToBeAttachedAsync();
            await Assertions.Expect(page.Locator($"{chart} .rz-legend").First).ToBeAttachedAsync();
        }
        await Assertions.Expect(page.Locator("#chart-waits .rz-legend")).ToContainTextAsync("目标 15 分钟");
        Assert.Equal(6, await page.Locator("#chart-heat tbody tr").CountAsync()); // Monday to Saturday
        await Assertions.Expect(page.Locator("#staffing tbody tr").First).ToContainTextAsync("需");
        await page.SetViewportSizeAsync(1440, 2600);
        await Chromium.ScreenshotAsync(page, "reports-month");
        await page.Locator("#staffing").ScreenshotAsync(new() { Path = Path.Combine(TestEnvironment.ScreenshotDir, "reports-staffing.png") });
        await page.SetViewportSizeAsync(1440, 1000);

        // A day without tickets says so.
        await page.GotoAsync($"/reports/{Demo.City}?period=day&date=2026-11-17");
        await Assertions.Expect(page.Locator("#no-data")).ToContainTextAsync("暂无数据", new() { Timeout = 30000 });
        Assert.Equal(0, await page.Locator("#summary").CountAsync());
        await Assertions.Expect(page.Locator("#halls tbody tr").First).ToContainTextAsync("暂无数据");
        await Chromium.ScreenshotAsync(page, "reports-empty");

        // Down to a town hall from the city's side-by-side view, then in English.
        await page.GotoAsync($"/reports/{Demo.City}?period=day&date=2026-11-16");
        await page.ClickAsync($"#halls a[href^='/reports/{Demo.Town}']");
        // The interactive page may navigate in place (no load event): wait for the URL only; the heading waits for itself.
        await page.WaitForURLAsync($"**/reports/{Demo.Town}**", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("东湖街道便民服务中心", new() { Timeout = 30000 });
        await page.GotoAsync($"/culture?lang=en&back=/reports/{Demo.City}?period=day%26date=2026-11-16");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Queue reports", new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator("#card-p90 b")).ToHaveTextAsync("40.0 min");
        await Chromium.ScreenshotAsync(page, "reports-day-en");
    }

    [Fact]
    public async Task ANewcomersDemoShowsItsGeneratedWeeksInChartsLabelledAsDemoData()
    {
        await using var app = await QueueApp.StartAsync(settings: DemoHistoryTests.WithHistory, kestrel: true);
        var city = (await DemoHistoryTests.FinishedAsync(app))[0];

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(app.Address, 1440, 2600);
        await page.GotoAsync($"/reports/{Demo.City}?period=custom&date={city.FirstDay:yyyy-MM-dd}&to={city.LastDay:yyyy-MM-dd}");
        await page.FillAsync("input[name=username]", "manager");
        await page.FillAsync("input[name=password]", "demo123");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#demo-history")).ToContainTextAsync("演示数据", new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator("#demo-history")).ToContainTextAsync("并非真实办件");
        await Assertions.Expect(page.Locator("#card-issued b")).ToHaveTextAsync(city.Tickets.ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 30000 });
        Assert.NotEqual("0", await page.Locator("#card-transferred b").TextContentAsync());
        Assert.Equal(5, await page.Locator("#chart-heat tbody tr").CountAsync()); // the demo calendar: Monday to Friday
        await Assertions.Expect(page.Locator("#chart-arrivals .rz-column-series").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#staffing tbody tr").First).ToContainTextAsync("需");
        await Assertions.Expect(page.Locator("#chart-outcomes .rz-legend").First).ToContainTextAsync("即办");
        await Assertions.Expect(page.Locator("#chart-outcomes path").First).ToBeAttachedAsync();
        await Chromium.ScreenshotAsync(page, "reports-demo-history");

        // The rating console and the public page of the same hall: charts of the generated ratings, labelled too.
        var evaluator = await chromium.NewPageAsync(app.Address, 1440, 1400);
        await evaluator.GotoAsync($"/ratings?hall={Demo.City}&period=month&date={city.LastDay.AddDays(-10):yyyy-MM-dd}");
        await evaluator.FillAsync("input[name=username]", "evaluator");
        await evaluator.FillAsync("input[name=password]", "demo123");
        await evaluator.ClickAsync("button[type=submit]");
        await Assertions.Expect(evaluator.Locator("#demo-history")).ToContainTextAsync("演示数据", new() { Timeout = 30000 });
        await Assertions.Expect(evaluator.Locator("#trend .rz-legend").First).ToBeAttachedAsync(new() { Timeout = 30000 });
        await Chromium.ScreenshotAsync(evaluator, "ratings-demo-history");
        var citizen = await chromium.NewPageAsync(app.Address, 1280, 1400);
        await citizen.GotoAsync($"/public/{Demo.City}?month={city.LastDay.AddDays(-10):yyyy-MM}");
        await Assertions.Expect(citizen.Locator("#demo-history")).ToContainTextAsync("演示数据");
        await Chromium.ScreenshotAsync(citizen, "public-demo-history");
    }

    [Fact]
    public async Task StaffOfTheHallAreRefusedThePage()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(app.Address);
        await page.GotoAsync($"/reports/{Demo.City}");
        await page.FillAsync("input[name=username]", "staff07");
        await page.FillAsync("input[name=password]", "demo123");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#denied")).ToBeVisibleAsync(new() { Timeout = 30000 });
    }

    /// <summary>Busy weeks of the city hall (Monday to Saturday), written below the engine like the benchmark's year.</summary>
    private static async Task<List<HistoryTicket>> WriteWeeksAsync(QueueApp app, DateOnly first, int days, int perDay)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<QueueDb>>().CreateDbContextAsync();
        var services = await db.Services.AsNoTracking().Where(s => s.HallId == Demo.City).ToListAsync();
        var windows = await db.Windows.AsNoTracking().Where(w => w.HallId == Demo.City).ToListAsync();
        var open = Enumerable.Range(0, days).Count(i => first.AddDays(i).DayOfWeek != DayOfWeek.Sunday);
        var tickets = HistoryGenerator.Generate(Demo.City, services, windows, first, days, open * perDay).ToList();
        await TicketHistoryWriter.WriteAsync(app.Database.Kind == StorageKind.Postgres, app.Database.ConnectionString, tickets);
        return tickets;
    }
}
