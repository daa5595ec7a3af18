using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Queue.LoadTests;

/// <summary>
/// Bulk-inserts past tickets into the tickets table, below the engine: history for reports and their benchmark,
/// millions of rows in seconds. SQLite takes one prepared INSERT in one transaction, PostgreSQL binary COPY. The
/// values are stored as EF Core stores them (enums as names, instants on SQLite as DateTimeOffsetToBinaryConverter's
/// long, Guids on SQLite as upper-case text).
/// </summary>
public static class TicketHistoryWriter
{
    private static readonly string[] Columns =
    [
        "Id", "HallId", "ServiceId", "Number", "BusinessDay", "Channel", "Priority", "Status", "TokenHash", "IssuedAt", "QueuedAt",
        "CalledAt", "FirstCalledAt", "StartedAt", "FinishedAt", "WindowId", "StaffId", "RecallCount", "Outcome", "MissingMaterials", "ArrivedAt",
    ];

    public static async Task<int> WriteAsync(bool postgres, string connectionString, IEnumerable<HistoryTicket> tickets, CancellationToken ct = default) =>
        postgres ? await WritePostgresAsync(connectionString, tickets, ct) : await WriteSqliteAsync(connectionString, tickets, ct);

    private static async Task<int> WriteSqliteAsync(string cs, IEnumerable<HistoryTicket> tickets, CancellationToken ct)
    {
        await using var conn = new SqliteConnection(cs);
        await conn.OpenAsync(ct);
        var count = 0;
        DbTransaction tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"INSERT INTO tickets ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
        var ps = Columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        foreach (var t in tickets)
        {
            var values = Values(t, sqlite: true);
            for (var i = 0; i < ps.Length; i++) ps[i].Value = values[i] ?? DBNull.Value;
            cmd.Transaction = (SqliteTransaction)tx;
            await cmd.ExecuteNonQueryAsync(ct);
            // Commit in chunks: one transaction of millions of rows holds the write lock and the WAL too long.
            if (++count % 200_000 == 0)
            {
                await tx.CommitAsync(ct);
                await tx.DisposeAsync();
                tx = await conn.BeginTransactionAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
        await tx.DisposeAsync();
        return count;
    }

    private static async Task<int> WritePostgresAsync(string cs, IEnumerable<HistoryTicket> tickets, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        await using var copy = await conn.BeginBinaryImportAsync($"COPY tickets ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        var count = 0;
        foreach (var t in tickets)
        {
            var values = Values(t, sqlite: false);
            await copy.StartRowAsync(ct);
            for (var i = 0; i < values.Length; i++)
            {
                switch (values[i])
                {
                    case null: await copy.WriteNullAsync(ct); break;
                    case Guid g: await copy.WriteAsync(g, NpgsqlDbType.Uuid, ct); break;
                    case string s: await copy.WriteAsync(s, NpgsqlDbType.Text, ct); break;
                    case DateOnly d: await copy.WriteAsync(d, NpgsqlDbType.Date, ct); break;
                    case DateTimeOffset o: await copy.WriteAsync(o.UtcDateTime, NpgsqlDbType.TimestampTz, ct); break;
                    case int n: await copy.WriteAsync(n, NpgsqlDbType.Integer, ct); break;
                    default: throw new InvalidOperationException($"No COPY type for {values[i]!.GetType()}.");
                }
            }
            count++;
        }
        await copy.CompleteAsync(ct);
        return count;
    }

    private static object?[] Values(HistoryTicket t, bool sqlite)
    {
        object? Instant(DateTimeOffset? at) => at is not { } v ? null : sqlite ? ((v.UtcTicks / 1000) << 11) : v;
        // Time-ordered ids append to the primary key's index instead of landing all over it: a year loads minutes faster.
        var id = Guid.CreateVersion7(t.IssuedAt);
        return
        [
            sqlite ? id.ToString().ToUpperInvariant() : id, t.HallId, t.ServiceId, t.Number, sqlite ? t.BusinessDay.ToString("yyyy-MM-dd") : t.BusinessDay,
            t.Channel.ToString(), "Normal", t.Status.ToString(), "history", Instant(t.IssuedAt), Instant(t.ArrivedAt ?? t.IssuedAt),
            Instant(t.FirstCalledAt), Instant(t.FirstCalledAt), Instant(t.StartedAt), Instant(t.FinishedAt), t.WindowId, t.StaffId, 0,
            t.Outcome?.ToString(), "[]", Instant(t.ArrivedAt),
        ];
    }
}
