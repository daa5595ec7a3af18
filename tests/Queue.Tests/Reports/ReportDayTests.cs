using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Reports;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Reports;

/// <summary>Closed days kept in report_days (decision 0101): a node that never read a day answers from that row, with the same figures.</summary>
public sealed class ReportDayTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task ANewNodeReadsAClosedDayFromReportDaysWithTheSameFigures(StorageKind kind)
    {
        await using var app = await QueueApp.StartAsync(kind);
        await HandCountedDay.WriteAsync(app);
        var dbs = app.Services.GetRequiredService<IDbContextFactory<QueueDb>>();
        var day = HandCountedDay.Day;

        // The first report of the day reads its tickets and keeps the day.
        var first = new QueueReports(dbs, new DayCache(), TimeProvider.System);
        var fromTickets = await first.BuildAsync(Demo.City, day, day, QueueReports.AllGroupings, staffing: true);
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var kept = await db.Set<ReportDay>().AsNoTracking().SingleAsync(d => d.HallId == Demo.City && d.BusinessDay == day);
            Assert.Equal(10, kept.Tickets);
            // Gone from the table: only the kept day can answer now.
            await db.Tickets.Where(t => t.HallId == Demo.City && t.BusinessDay == day).ExecuteDeleteAsync();
        }

        // A node with nothing in memory (its own name indexes, too) gets every figure again.
        var names = new DayCache();
        names.NamesOf(Demo.City).IndexOf("some-other-id-first");
        var second = new QueueReports(dbs, names, TimeProvider.System);
        var fromKept = await second.BuildAsync(Demo.City, day, day, QueueReports.AllGroupings, staffing: true);
        Assert.Equal(fromTickets.Total, fromKept.Total);
        foreach (var by in QueueReports.AllGroupings) Assert.Equal(fromTickets.By(by), fromKept.By(by));
        Assert.Equal(1, fromKept.Total.Transferred);
        Assert.Equal(fromTickets.Staffing, fromKept.Staffing);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task TodayYesterdayAndADayWithATicketStillWaitingAreNotKept(StorageKind kind)
    {
        await using var app = await QueueApp.StartAsync(kind);
        // Written at once, so the server's own closing round sees the day whole or not at all: F003 never left the line.
        var tickets = HandCountedDay.Tickets().Select(t => t.Number == "F003" ? t with { Status = TicketStatus.Waiting, FinishedAt = null } : t);
        await TicketHistoryWriter.WriteAsync(kind == StorageKind.Postgres, app.Database.ConnectionString, tickets);
        var dbs = app.Services.GetRequiredService<IDbContextFactory<QueueDb>>();
        var reports = new QueueReports(dbs, new DayCache(), TimeProvider.System);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await reports.RowsAsync(Demo.City, HandCountedDay.Day, today, ReportGrouping.Day);
        await using var check = await dbs.CreateDbContextAsync();
        var kept = await check.Set<ReportDay>().Where(d => d.HallId == Demo.City).Select(d => d.BusinessDay).ToListAsync();
        Assert.DoesNotContain(HandCountedDay.Day, kept); // F003 still waits there
        Assert.Contains(HandCountedDay.Day.AddDays(1), kept);
        Assert.DoesNotContain(today, kept);
        Assert.DoesNotContain(today.AddDays(-1), kept);
        Assert.Contains(today.AddDays(-2), kept);
    }
}
