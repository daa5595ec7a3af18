using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Queue.Silo.Hosting;
using Queue.Silo.Reports;
using Queue.Silo.Seeding;
using Queue.Silo.Storage;

namespace Queue.LoadTests;

/// <summary>
/// <c>history --storage sqlite|postgres [--tickets 2000000] [--days 365] [--runs 10]</c>: writes a year of a big
/// hall (the demo city hall) into a fresh database, then times every report over a day, a week, a month and the
/// whole year, and the report page's own query (all tables, the staffing plan) over a week and a month: once as the
/// first read of those days anywhere (every ticket from the database), <c>runs</c> times as a cold node (nothing in
/// memory, closed days from <c>report_days</c>, decision 0101) and <c>runs</c> times warm (closed days cached, the last
/// day read again). Prints a table on stderr and JSON on stdout; exits 1 when a cold-node or warm p95 is over 1 s.
/// </summary>
public static class HistoryCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var tickets = options.Int("tickets", 2_000_000);
        var days = options.Int("days", 365);
        var runs = options.Int("runs", 10);
        await using var target = await TargetDatabase.CreateAsync(options.String("storage", "sqlite"), options.String("pg"));
        var config = new ConfigurationBuilder().AddInMemoryCollection(target.Settings()!).Build();
        var collection = new ServiceCollection().AddSingleton<IConfiguration>(config).AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        var services = collection.AddQueueSilo(config).AddQueueReports().BuildServiceProvider();
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await services.GetRequiredService<DemoSeed>().SeedIfEmptyAsync();

        var dbs = services.GetRequiredService<IDbContextFactory<QueueDb>>();
        const string hall = DemoSeed.CityHallId;
        var last = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var first = last.AddDays(1 - days);
        var clock = Stopwatch.StartNew();
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var catalog = await db.Services.AsNoTracking().Where(s => s.HallId == hall).ToListAsync();
            var windows = await db.Windows.AsNoTracking().Where(w => w.HallId == hall).ToListAsync();
            var written = await TicketHistoryWriter.WriteAsync(target.IsPostgres, target.ConnectionString, HistoryGenerator.Generate(hall, catalog, windows, first, days, tickets));
            Console.Error.WriteLine($"wrote {written:N0} tickets ({first:yyyy-MM-dd} … {last:yyyy-MM-dd}) in {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
            // What autovacuum and the SQLite planner would otherwise learn over time: statistics, and (PostgreSQL) the visibility map.
            await db.Database.ExecuteSqlRawAsync(target.IsPostgres ? "VACUUM ANALYZE tickets" : "ANALYZE");
            Console.Error.WriteLine($"analyzed in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        var reports = services.GetRequiredService<QueueReports>();
        var periods = new (string Name, DateOnly From)[] { ("day", last), ("week", last.AddDays(-6)), ("month", last.AddDays(-29)), ("year", first) };
        var results = new List<object>();
        Console.Error.WriteLine($"{"report",-28} {"rows",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        var over = false;
        foreach (var (name, from) in periods)
        {
            // First read: no node has read these days yet, so every ticket comes from the database (and the days are kept).
            await using (var db = await dbs.CreateDbContextAsync())
                await db.Set<ReportDay>().Where(d => d.HallId == hall).ExecuteDeleteAsync();
            var cold = new QueueReports(dbs, new DayCache(), TimeProvider.System);
            var sw = Stopwatch.StartNew();
            await cold.RowsAsync(hall, from, last, ReportGrouping.Day);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name + " first read (tickets)",-28} {"",6} {sw.Elapsed.TotalMilliseconds,8:0}"));
            results.Add(new { report = name + " first read", ms = Math.Round(sw.Elapsed.TotalMilliseconds, 1) });
            // Cold node: nothing in memory, closed days from report_days (decision 0101); a fresh node each run.
            over |= await TimeAsync($"{name} cold node", true, runs, results,
                async () => (await new QueueReports(dbs, new DayCache(), TimeProvider.System).RowsAsync(hall, from, last, ReportGrouping.Day)).Count, warmUp: false);
            foreach (var by in QueueReports.AllGroupings)
                over |= await TimeAsync($"{name} by {by.ToString().ToLowerInvariant()}", true, runs, results,
                    async () => (await reports.RowsAsync(hall, from, last, by)).Count);
            if (name is "week" or "month")
                over |= await TimeAsync($"{name} page (all + plan)", true, runs, results,
                    async () => (await reports.BuildAsync(hall, from, last, QueueReports.AllGroupings, staffing: true)).Staffing.Count);
        }
        Console.Error.WriteLine($"managed heap after the year: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0} MiB");
        Console.WriteLine(JsonSerializer.Serialize(new { storage = target.IsPostgres ? "postgres" : "sqlite", tickets, days, runs, results }));
        return over ? 1 : 0;
    }

    private static async Task<bool> TimeAsync(string name, bool limited, int runs, List<object> results, Func<Task<int>> report, bool warmUp = true)
    {
        var rows = warmUp ? await report() : 0; // warm-up: plans, pools, the page cache
        var ms = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            rows = await report();
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }
        ms.Sort();
        double P(double p) => ms[Math.Clamp((int)Math.Ceiling(p / 100 * ms.Count), 1, ms.Count) - 1];
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {rows,6} {P(50),8:0} {P(95),8:0} {ms[^1],8:0}"));
        results.Add(new { report = name, rows, p50 = Math.Round(P(50), 1), p95 = Math.Round(P(95), 1), max = Math.Round(ms[^1], 1) });
        return limited && P(95) > 1000;
    }
}
