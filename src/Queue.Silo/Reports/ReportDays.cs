using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Reports;

/// <summary>
/// Closed business days kept in <c>report_days</c> (decision 0101). A day is closed once it can no longer change: before
/// yesterday in the hall's time zone (<see cref="DayCache.Keeps"/>) and with no ticket still waiting, called or serving
/// (a hall that stayed idle expires those only at its next command).
/// </summary>
public static class ReportDays
{
    public static bool Closed(DateOnly day, DateOnly today, TicketFact[] facts) =>
        DayCache.Keeps(day, today) && !facts.Any(f => f.Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving);

    public static async Task<List<(DateOnly Day, TicketFact[] Facts)>> LoadAsync(QueueDb db, string hallId, DateOnly from, DateOnly to, NameTable names,
        CancellationToken ct)
    {
        var rows = await db.Set<ReportDay>().AsNoTracking().Where(d => d.HallId == hallId && d.BusinessDay >= from && d.BusinessDay <= to).ToListAsync(ct);
        var days = new List<(DateOnly, TicketFact[])>(rows.Count);
        foreach (var r in rows)
            if (ReportDayCodec.Decode(r.BusinessDay, r.Names, r.Facts, names) is { } facts) days.Add((r.BusinessDay, facts));
        return days;
    }

    /// <summary>Writes closed days; a day another node wrote first is left as it is (the same tickets, the same facts).</summary>
    public static async Task KeepAsync(QueueDb db, string hallId, IReadOnlyList<(DateOnly Day, TicketFact[] Facts)> days, NameTable names,
        DateTimeOffset now, CancellationToken ct)
    {
        var rows = days.Select(d =>
        {
            var (ids, bytes) = ReportDayCodec.Encode(d.Facts, names);
            return new ReportDay(hallId, d.Day, d.Facts.Length, ids, bytes, now);
        }).ToList();
        try
        {
            db.Set<ReportDay>().AddRange(rows);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node kept some of them meanwhile: keep the others one by one.
            db.ChangeTracker.Clear();
            foreach (var row in rows)
            {
                try
                {
                    db.Set<ReportDay>().Add(row);
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }
}
