using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Reports;

/// <summary>
/// Reads a hall's tickets of some business days as <see cref="TicketFact"/>s straight from the data reader, from the
/// report index alone (schema versions 4 and 6, decisions 0087, 0101): millions of rows are too many to materialise as entities.
/// Enums come back as their ordinals, computed by the database, so no string is made for them.
/// </summary>
public static class TicketFacts
{
    private const string Columns = """
        "BusinessDay", "IssuedAt", "ArrivedAt", "FirstCalledAt", "StartedAt", "FinishedAt",
        CASE "Status" WHEN 'Waiting' THEN 0 WHEN 'Called' THEN 1 WHEN 'Serving' THEN 2 WHEN 'Done' THEN 3 WHEN 'NoShow' THEN 4 ELSE 5 END,
        CASE "Channel" WHEN 'Kiosk' THEN 0 WHEN 'Mobile' THEN 1 ELSE 2 END,
        CASE "Outcome" WHEN 'Done' THEN 0 WHEN 'Promised' THEN 1 WHEN 'SupplementRequired' THEN 2 WHEN 'Rejected' THEN 3 ELSE -1 END,
        "ServiceId", "WindowId", "StaffId", "TransferCount"
        """;

    /// <summary>The tickets of <paramref name="from"/> … <paramref name="to"/>, by business day.</summary>
    public static async Task<Dictionary<DateOnly, List<TicketFact>>> ReadAsync(QueueDb db, string hallId, TimeZoneInfo zone, NameTable names,
        DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = $"""SELECT {Columns} FROM tickets WHERE "HallId" = @hall AND "BusinessDay" >= @from AND "BusinessDay" <= @to""";
        Add(cmd, "hall", hallId);
        // SQLite keeps a DateOnly as yyyy-MM-dd text, PostgreSQL as a date.
        Add(cmd, "from", db.IsSqlite ? from.ToString("yyyy-MM-dd") : from);
        Add(cmd, "to", db.IsSqlite ? to.ToString("yyyy-MM-dd") : to);
        var sqlite = db.IsSqlite;
        var clock = new LocalClock(zone);
        var result = new Dictionary<DateOnly, List<TicketFact>>();
        string? lastDayText = null;
        var day = default(DateOnly);
        List<TicketFact>? list = null;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (sqlite)
            {
                var text = r.GetString(0);
                if (text != lastDayText) (lastDayText, day, list) = (text, DateOnly.ParseExact(text, "yyyy-MM-dd"), null);
            }
            else
            {
                var d = r.GetFieldValue<DateOnly>(0);
                if (d != day || list is null) (day, list) = (d, null);
            }
            if (list is null && !result.TryGetValue(day, out list)) result[day] = list = [];
            long issued = Instant(r, 1, sqlite), arrived = Instant(r, 2, sqlite), called = Instant(r, 3, sqlite), started = Instant(r, 4, sqlite), finished = Instant(r, 5, sqlite);
            var status = (TicketStatus)r.GetInt32(6);
            var outcome = r.GetInt32(8);
            var waitFrom = arrived != 0 ? arrived : issued;
            list.Add(new TicketFact(day,
                called == 0 ? -1 : Milliseconds(called - waitFrom),
                status == TicketStatus.Done && started != 0 && finished != 0 ? Milliseconds(finished - started) : -1,
                clock.Hour(waitFrom), called == 0 ? -1 : clock.Hour(called), status, (TicketChannel)r.GetInt32(7),
                outcome < 0 ? null : (TicketOutcome)outcome,
                names.IndexOf(r.GetString(9)), names.IndexOf(r.IsDBNull(10) ? null : r.GetString(10)), names.IndexOf(r.IsDBNull(11) ? null : r.GetString(11)),
                r.GetInt32(12) > 0));
        }
        return result;
    }

    // A wait or a handling time never runs backwards nor past int's 24 days.
    private static int Milliseconds(long ticks) => (int)Math.Clamp(ticks / TimeSpan.TicksPerMillisecond, 0, int.MaxValue);

    /// <summary>
    /// UTC ticks of a stored instant (0: none). SQLite holds EF Core's DateTimeOffsetToBinaryConverter form: the
    /// clock's ticks / 1000 shifted left 11 bits, with the offset in minutes in the low 11 bits.
    /// </summary>
    private static long Instant(DbDataReader r, int i, bool sqlite)
    {
        if (r.IsDBNull(i)) return 0;
        if (!sqlite) return r.GetFieldValue<DateTime>(i).Ticks;
        var v = r.GetInt64(i);
        var offsetMinutes = (v << 53) >> 53;
        return (v >> 11) * 1000 - offsetMinutes * TimeSpan.TicksPerMinute;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    /// <summary>Local hours of UTC instants; the offset is looked up once per UTC hour, as rows come in time order.</summary>
    private sealed class LocalClock(TimeZoneInfo zone)
    {
        private long hourStart = long.MinValue;
        private long offset;

        public int Hour(long utcTicks)
        {
            var bucket = utcTicks - utcTicks % TimeSpan.TicksPerHour;
            if (bucket != hourStart)
            {
                hourStart = bucket;
                offset = zone.GetUtcOffset(new DateTime(bucket, DateTimeKind.Utc)).Ticks;
            }
            return (int)((utcTicks + offset) / TimeSpan.TicksPerHour % 24);
        }
    }
}
