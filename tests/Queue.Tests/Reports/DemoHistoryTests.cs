using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Calendar;
using Queue.Silo.Ratings;
using Queue.Silo.Reports;
using Queue.Silo.Seeding;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Reports;

/// <summary>The demo's generated weeks (decision 0100): made by the engine over the hall's own calendar, whole, and labelled.</summary>
public sealed class DemoHistoryTests
{
    public static readonly Dictionary<string, string?> WithHistory = new() { ["Demo:History"] = "true" };

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task TheDemoStartsWithEightWeeksOfItsOwnCalendarRunThroughTheEngineAndSaysTheyAreDemoData(StorageKind kind)
    {
        await using var app = await QueueApp.StartAsync(kind, WithHistory);
        var records = await FinishedAsync(app);
        Assert.Equal([Demo.City, Demo.Town, Demo.Village], records.Select(r => r.HallId));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<QueueDb>>().CreateDbContextAsync();
        var calendars = app.Services.GetRequiredService<HallCalendar>();
        foreach (var record in records)
        {
            Assert.Equal(55, record.LastDay.DayNumber - record.FirstDay.DayNumber); // eight weeks, up to yesterday
            var tickets = await db.Tickets.AsNoTracking().Where(t => t.HallId == record.HallId).ToListAsync();
            Assert.Equal(record.Tickets, tickets.Count);
            Assert.All(tickets, t => Assert.Equal(DemoHistory.TokenHash, t.TokenHash));
            // Only the hall's working days, each of them, nothing today or later.
            var calendar = await calendars.ForHallAsync(record.HallId);
            var working = Enumerable.Range(0, 56).Select(record.FirstDay.AddDays).Where(calendar.IsWorkingDay).ToHashSet();
            Assert.Equal(working, tickets.Select(t => t.BusinessDay).ToHashSet());
            // Every ticket ended its day, as the engine leaves them; numbers once per day.
            Assert.All(tickets, t => Assert.False(t.IsActive));
            Assert.Equal(tickets.Count, tickets.Select(t => (t.BusinessDay, t.Number)).Distinct().Count());
            // The engine's rules held: a ticket was called only at a window serving its matter, and a window served one at a time.
            var windows = await db.Windows.AsNoTracking().Where(w => w.HallId == record.HallId).ToDictionaryAsync(w => w.Id);
            Assert.All(tickets.Where(t => t.Status == TicketStatus.Done), t => Assert.True(windows[t.WindowId!].Serves(t.ServiceId), $"{t.Number} at {t.WindowId}"));
            foreach (var atWindow in tickets.Where(t => t.StartedAt is not null).GroupBy(t => t.WindowId))
            {
                var served = atWindow.OrderBy(t => t.StartedAt).ToList();
                for (var i = 1; i < served.Count; i++) Assert.True(served[i].StartedAt >= served[i - 1].FinishedAt, $"{served[i].Number} overlaps {served[i - 1].Number}");
            }
            Assert.All(tickets.Where(t => t.FirstCalledAt is not null), t => Assert.True(t.FirstCalledAt >= (t.ArrivedAt ?? t.IssuedAt)));
            // What a real hall also sees: every outcome, all three channels, no-shows, people who left, transfers.
            Assert.Equal(4, tickets.Where(t => t.Outcome is not null).Select(t => t.Outcome).Distinct().Count());
            Assert.Equal(3, tickets.Select(t => t.Channel).Distinct().Count());
            Assert.Contains(tickets, t => t.Status == TicketStatus.NoShow);
            Assert.Contains(tickets, t => t.TransferCount > 0);
            // Ratings only of served tickets, once each, bound to who served them.
            var ratings = await db.Set<Rating>().AsNoTracking().Where(r => r.HallId == record.HallId).ToListAsync();
            Assert.Equal(record.Ratings, ratings.Count);
            var byId = tickets.ToDictionary(t => t.Id);
            Assert.All(ratings, r => Assert.Equal((TicketStatus.Done, byId[r.TicketId].WindowId), (byId[r.TicketId].Status, r.WindowId)));
            Assert.Equal(ratings.Count, ratings.Select(r => r.TicketId).Distinct().Count());
            // Closed days (up to the day before yesterday) are already kept for reports.
            Assert.Equal(record.LastDay.DayNumber - working.Min().DayNumber, await db.Set<ReportDay>().CountAsync(d => d.HallId == record.HallId));
        }

        // The reports count what was written, and the pages say it is generated.
        var manager = await app.SignedInAsync("manager");
        var city = records[0];
        var rows = (await manager.GetFromJsonAsync<List<ReportRowDto>>(
            $"/api/halls/{Demo.City}/reports/queue?from={city.FirstDay:yyyy-MM-dd}&to={city.LastDay:yyyy-MM-dd}&by=channel", ApiCalls.Json))!;
        Assert.Equal(city.Tickets, rows.Sum(r => r.Issued));
        Assert.True(rows.Sum(r => r.Transferred) > 0);
        var publicPage = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/public/{Demo.City}"));
        Assert.Contains("id=\"demo-history\"", publicPage);
        Assert.Contains("由排队引擎在模拟器中按本厅日历生成，并非真实办件", publicPage);
    }

    [Fact]
    public async Task APlannedHistoryIsSaidToBeComingThenWrittenOnceWithItsBadReviewsWorkedAsCases()
    {
        // No generation at start: the city's history is planned by hand, as the seed plans it, and generated on demand.
        await using var app = await QueueApp.StartAsync();
        var factory = app.Services.GetRequiredService<IDbContextFactory<QueueDb>>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Add(new DemoHistoryRecord(Demo.City, today.AddDays(-56), today.AddDays(-1), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var coming = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/public/{Demo.City}"));
        Assert.Contains("data-finished=\"false\"", coming);
        Assert.Contains("演示数据正在生成", coming);

        var history = app.Services.GetRequiredService<DemoHistory>();
        await history.GenerateAsync();
        await history.GenerateAsync(); // a restart: written once, not twice
        await using (var db = await factory.CreateDbContextAsync())
        {
            var city = await db.Set<DemoHistoryRecord>().AsNoTracking().SingleAsync();
            Assert.True(city.Finished);
            Assert.Equal(city.Tickets, await db.Tickets.CountAsync(t => t.HallId == Demo.City));
            Assert.Equal(city.Ratings, await db.Set<Rating>().CountAsync(r => r.HallId == Demo.City));
            // Every 差评 has its case, as a live one does; those worked to the end went verify → rectify → reply → close.
            // Levels are stored as names: compared here, not in SQL.
            var bad = (await db.Set<Rating>().AsNoTracking().Where(r => r.HallId == Demo.City).ToListAsync()).Where(r => r.Level.IsBad()).ToList();
            Assert.NotEmpty(bad);
            var cases = await db.Set<BadReviewCase>().AsNoTracking().Where(c => c.HallId == Demo.City).ToListAsync();
            Assert.Equal(bad.Select(r => r.Id).Order(), cases.Select(c => c.RatingId).Order());
            var closed = cases.Where(c => c.State == BadReviewState.Closed).ToList();
            Assert.NotEmpty(closed);
            var steps = await db.Set<CaseStep>().AsNoTracking().Where(s => s.CaseId == closed[0].Id).OrderBy(s => s.Seq).ToListAsync();
            Assert.Equal([CaseAction.Open, CaseAction.Verify, CaseAction.Rectify, CaseAction.Reply, CaseAction.Close], steps.Select(s => s.Action));
            Assert.All(closed, c => Assert.True(c.ClosedDay < today && c.ClosedOnTime == true));
            Assert.All(cases.Where(c => c.IsOpen), c => Assert.Equal(BadReviewState.Opened, c.State));
        }
        var written = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/public/{Demo.City}"));
        Assert.Contains("data-finished=\"true\"", written);
    }

    [Fact]
    public async Task WithoutDemoHistoryNothingIsGeneratedOrLabelled()
    {
        await using var app = await QueueApp.StartAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<QueueDb>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Set<DemoHistoryRecord>().CountAsync());
        Assert.Equal(0, await db.Tickets.CountAsync());
        Assert.DoesNotContain("demo-history", await app.CreateClient().GetStringAsync($"/public/{Demo.City}"));
    }

    /// <summary>Waits for the background generation (about 20 s on a quiet 2-core machine), failing after three minutes.</summary>
    public static async Task<List<DemoHistoryRecord>> FinishedAsync(QueueApp app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<QueueDb>>();
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var records = await db.Set<DemoHistoryRecord>().AsNoTracking().OrderBy(r => r.HallId).ToListAsync();
            if (records.Count == 3 && records.All(r => r.Finished))
                return [.. records.OrderBy(r => r.HallId == Demo.City ? 0 : r.HallId == Demo.Town ? 1 : 2)];
            Assert.True(DateTime.UtcNow < until, "The demo history was not written within three minutes.");
            await Task.Delay(500);
        }
    }
}
