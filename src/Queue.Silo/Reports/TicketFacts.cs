using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Reports;

/// <summary>
/// Reads a hall's tickets of some business days as <see cref="TicketFact"/>s, straight from the data reader: a
/// year of a big hall is millions of rows, too many to materialise as tracked entities. The range is served by
/// the report index of schema version 3 (decision 0087).
/// </summary>
public static class TicketFacts
{
    private const string Columns = """
        "BusinessDay", "IssuedAt", "ArrivedAt", "FirstCalledAt", "StartedAt", "FinishedAt", "Status", "Channel", "Outcome", "ServiceId", "WindowId", "StaffId"
        """;

    public static async IAsyncEnumerable<TicketFact> ReadAsync(QueueDb db, string hallId, DateOnly from, DateOnly to,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var conn = db.Database.GetDbConnection();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""SELECT {Columns} FROM tickets WHERE "HallId" = @hall AND "BusinessDay" >= @from AND "BusinessDay" <= @to""";
        Add(cmd, "hall", hallId);
        // SQLite keeps a DateOnly as yyyy-MM-dd text, PostgreSQL as a date.
        Add(cmd, "from", db.IsSqlite ? from.ToString("yyyy-MM-dd") : from);
        Add(cmd, "to", db.IsSqlite ? to.ToString("yyyy-MM-dd") : to);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var sqlite = db.IsSqlite;
        string? lastDayText = null;
        var lastDay = default(DateOnly);
        while (await r.ReadAsync(ct))
        {
            DateOnly day;
            if (sqlite)
            {
                var text = r.GetString(0);
                if (text != lastDayText) (lastDayText, lastDay) = (text, DateOnly.ParseExact(text, "yyyy-MM-dd"));
                day = lastDay;
            }
            else day = r.GetFieldValue<DateOnly>(0);
            yield return new TicketFact(day, Instant(r, 1, sqlite), Instant(r, 2, sqlite), Instant(r, 3, sqlite), Instant(r, 4, sqlite),
                Instant(r, 5, sqlite), Status(r.GetString(6)), Channel(r.GetString(7)), r.IsDBNull(8) ? null : Outcome(r.GetString(8)),
                r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11));
        }
    }

    /// <summary>
    /// UTC ticks of a stored instant. SQLite holds EF Core's DateTimeOffsetToBinaryConverter form: the clock's ticks
    /// / 1000 shifted left 11 bits, with the offset in minutes in the low 11 bits.
    /// </summary>
    private static long Instant(DbDataReader r, int i, bool sqlite)
    {
        if (r.IsDBNull(i)) return 0;
        if (!sqlite) return r.GetFieldValue<DateTime>(i).Ticks;
        var v = r.GetInt64(i);
        var offsetMinutes = (v << 53) >> 53;
        return (v >> 11) * 1000 - offsetMinutes * TimeSpan.TicksPerMinute;
    }

    private static TicketStatus Status(string s) => s switch
    {
        "Done" => TicketStatus.Done,
        "NoShow" => TicketStatus.NoShow,
        "Cancelled" => TicketStatus.Cancelled,
        "Waiting" => TicketStatus.Waiting,
        "Called" => TicketStatus.Called,
        _ => TicketStatus.Serving,
    };

    private static TicketChannel Channel(string s) => s switch
    {
        "Kiosk" => TicketChannel.Kiosk,
        "Mobile" => TicketChannel.Mobile,
        _ => TicketChannel.Booking,
    };

    private static TicketOutcome Outcome(string s) => s switch
    {
        "Done" => TicketOutcome.Done,
        "Promised" => TicketOutcome.Promised,
        "SupplementRequired" => TicketOutcome.SupplementRequired,
        _ => TicketOutcome.Rejected,
    };

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
