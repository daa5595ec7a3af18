using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Queue.LoadTests;

/// <summary>
/// A fingerprint of everything stored: every table's row count, every hall's event number, every ticket's
/// status and window. Equal fingerprints before and after the fuzzer mean it changed nothing.
/// </summary>
public static class StateDigest
{
    public static async Task<string> OfAsync(TargetDatabase db)
    {
        var sb = new StringBuilder();
        await using DbConnection conn = db.IsPostgres ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = db.IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        }
        foreach (var t in tables)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM \"{t}\"";
            sb.Append(t).Append('=').Append(Convert.ToInt64(await cmd.ExecuteScalarAsync())).Append(';');
        }
        var reader = new JournalReader(db);
        foreach (var (hall, seq) in (await reader.HallSeqsAsync()).OrderBy(kv => kv.Key, StringComparer.Ordinal)) sb.Append(hall).Append('@').Append(seq).Append(';');
        foreach (var t in (await reader.TicketsAsync()).OrderBy(t => t.Id)) sb.Append(t.Id).Append(t.Status).Append(t.WindowId).Append(';');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16] + " (" + string.Join(' ', sb.ToString().Split(';').Take(tables.Count)) + ")";
    }
}
