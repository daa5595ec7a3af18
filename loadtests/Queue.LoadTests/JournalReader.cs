using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Queue.LoadTests;

/// <summary>Reads the stored truth straight from the database (tickets and the hall_events journal), for the checkers.</summary>
public sealed class JournalReader(TargetDatabase db)
{
    public async Task<List<StoredTicket>> TicketsAsync()
    {
        var rows = new List<StoredTicket>();
        await using var conn = await OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """SELECT "Id", "HallId", "Number", "BusinessDay", "Status", "WindowId", "CalledAt" IS NOT NULL FROM tickets""";
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new StoredTicket(Guid.Parse(Convert.ToString(r.GetValue(0))!), r.GetString(1), r.GetString(2), Convert.ToString(r.GetValue(3))!,
                r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), Convert.ToBoolean(r.GetValue(6))));
        return rows;
    }

    public async Task<List<StoredEvent>> EventsAsync()
    {
        var rows = new List<StoredEvent>();
        await using var conn = await OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """SELECT "HallId", "Seq", "Type", "Payload" FROM hall_events ORDER BY "HallId", "Seq" """;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            using var payload = JsonDocument.Parse(r.GetString(3));
            var p = payload.RootElement;
            Guid? ticket = p.TryGetProperty("ticket", out var t) && t.ValueKind == JsonValueKind.String ? t.GetGuid() : null;
            var window = p.TryGetProperty("windowId", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() : null;
            var recall = p.TryGetProperty("isRecall", out var rc) && rc.ValueKind == JsonValueKind.True;
            rows.Add(new StoredEvent(r.GetString(0), Convert.ToInt64(r.GetValue(1)), r.GetString(2), ticket, window, recall));
        }
        return rows;
    }

    public async Task<Dictionary<string, long>> HallSeqsAsync()
    {
        var result = new Dictionary<string, long>();
        await using var conn = await OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """SELECT "Id", "Seq" FROM halls""";
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) result[r.GetString(0)] = Convert.ToInt64(r.GetValue(1));
        return result;
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection conn = db.IsPostgres ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }
}

public sealed record StoredTicket(Guid Id, string HallId, string Number, string BusinessDay, string Status, string? WindowId, bool Called);

public sealed record StoredEvent(string HallId, long Seq, string Type, Guid? Ticket, string? WindowId, bool IsRecall);
