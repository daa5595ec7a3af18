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

    /// <summary>
    /// The kept days of <paramref name="from"/> … <paramref name="to"/>, read straight from the data reader into one pooled
    /// buffer: a year is 300 rows of ~120 KB, and a fresh array for each (large-object heap) made a cold year's reads slower.
    /// </summary>
    public static async Task<List<(DateOnly Day, TicketFact[] Facts)>> LoadAsync(QueueDb db, string hallId, DateOnly from, DateOnly to, NameTable names,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = """SELECT "BusinessDay", "Names", "Facts" FROM report_days WHERE "HallId" = @hall AND "BusinessDay" >= @from AND "BusinessDay" <= @to""";
        Add(cmd, "hall", hallId);
        // SQLite keeps a DateOnly as yyyy-MM-dd text, PostgreSQL as a date.
        Add(cmd, "from", db.IsSqlite ? from.ToString("yyyy-MM-dd") : from);
        Add(cmd, "to", db.IsSqlite ? to.ToString("yyyy-MM-dd") : to);
        var days = new List<(DateOnly, TicketFact[])>();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 18);
        try
        {
            await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            while (await r.ReadAsync(ct))
            {
                var day = db.IsSqlite ? DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd") : r.GetFieldValue<DateOnly>(0);
                var ids = r.GetString(1);
                var length = (int)r.GetBytes(2, 0, null, 0, 0);
                if (length > buffer.Length)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
                }
                var read = 0;
                while (read < length) read += (int)r.GetBytes(2, read, buffer, read, length - read);
                if (ReportDayCodec.Decode(day, ids, buffer.AsSpan(0, length), names) is { } facts) days.Add((day, facts));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return days;
    }

    private static void Add(System.Data.Common.DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    /// <summary>Writes closed days; a day another node wrote first is left as it is (the same tickets, the same facts).</summary>
    public static async Task KeepAsync(QueueDb db, string hallId, IReadOnlyList<(DateOnly Day, TicketFact[] Facts)> days, NameTable names,
        DateTimeOffset now, CancellationToken ct)
    {
        // Days another node (or DayCloser) kept meanwhile are skipped here; a race left is caught below.
        var (first, last) = (days.Min(d => d.Day), days.Max(d => d.Day));
        var kept = (await db.Set<ReportDay>().Where(d => d.HallId == hallId && d.BusinessDay >= first && d.BusinessDay <= last)
            .Select(d => d.BusinessDay).ToListAsync(ct)).ToHashSet();
        var rows = days.Where(d => !kept.Contains(d.Day)).Select(d =>
        {
            var (ids, bytes) = ReportDayCodec.Encode(d.Facts, names);
            return new ReportDay(hallId, d.Day, d.Facts.Length, ids, bytes, now);
        }).ToList();
        if (rows.Count == 0) return;
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
