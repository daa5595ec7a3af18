using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Queue.Silo.Storage;

namespace Queue.Silo.Reports;

/// <summary>
/// Bulk-inserts past tickets into the tickets table, below the engine: history for reports, their benchmark and the
/// demo's generated past (decision 0100), millions of rows in seconds. SQLite takes one prepared INSERT in one
/// transaction, PostgreSQL binary COPY. The
/// values are stored as EF Core stores them (enums as names, instants on SQLite as DateTimeOffsetToBinaryConverter's
/// long, Guids on SQLite as upper-case text).
/// </summary>
public static class TicketHistoryWriter
{
    private static readonly string[] Columns =
    [
        "Id", "HallId", "ServiceId", "Number", "BusinessDay", "Channel", "Priority", "Status", "TokenHash", "IssuedAt", "QueuedAt",
        "CalledAt", "FirstCalledAt", "StartedAt", "FinishedAt", "WindowId", "StaffId", "RecallCount", "Outcome", "MissingMaterials", "ArrivedAt", "TransferCount",
    ];

    public static async Task<int> WriteAsync(bool postgres, string connectionString, IEnumerable<HistoryTicket> tickets, CancellationToken ct = default)
    {
        if (postgres)
        {
            await using var pg = new NpgsqlConnection(connectionString);
            await pg.OpenAsync(ct);
            return await WritePostgresAsync(pg, tickets, ct);
        }
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync(ct);
        return await WriteSqliteAsync(conn, null, tickets, ct);
    }

    /// <summary>Writes on the context's connection, inside the transaction it has begun (all of it commits or none).</summary>
    public static async Task<int> WriteAsync(QueueDb db, IEnumerable<HistoryTicket> tickets, CancellationToken ct = default)
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Begin a transaction first.");
        return db.IsSqlite
            ? await WriteSqliteAsync((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)tx, tickets, ct)
            : await WritePostgresAsync((NpgsqlConnection)db.Database.GetDbConnection(), tickets, ct);
    }

    /// <param name="outer">The caller's transaction; without one, rows commit in chunks of their own.</param>
    private static async Task<int> WriteSqliteAsync(SqliteConnection conn, SqliteTransaction? outer, IEnumerable<HistoryTicket> tickets, CancellationToken ct)
    {
        var count = 0;
        DbTransaction tx = outer ?? (DbTransaction)await conn.BeginTransactionAsync(ct);
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
            if (++count % 200_000 == 0 && outer is null)
            {
                await tx.CommitAsync(ct);
                await tx.DisposeAsync();
                tx = await conn.BeginTransactionAsync(ct);
            }
        }
        if (outer is not null) return count;
        await tx.CommitAsync(ct);
        await tx.DisposeAsync();
        return count;
    }

    private static async Task<int> WritePostgresAsync(NpgsqlConnection conn, IEnumerable<HistoryTicket> tickets, CancellationToken ct)
    {
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
        var id = t.Id ?? Guid.CreateVersion7(t.IssuedAt);
        return
        [
            sqlite ? id.ToString().ToUpperInvariant() : id, t.HallId, t.ServiceId, t.Number, sqlite ? t.BusinessDay.ToString("yyyy-MM-dd") : t.BusinessDay,
            t.Channel.ToString(), t.TransferCount > 0 ? "Returning" : "Normal", t.Status.ToString(), t.TokenHash, Instant(t.IssuedAt),
            Instant(t.ArrivedAt ?? t.IssuedAt), Instant(t.FirstCalledAt), Instant(t.FirstCalledAt), Instant(t.StartedAt), Instant(t.FinishedAt),
            t.WindowId, t.StaffId, 0, t.Outcome?.ToString(), "[]", Instant(t.ArrivedAt), t.TransferCount,
        ];
    }
}
