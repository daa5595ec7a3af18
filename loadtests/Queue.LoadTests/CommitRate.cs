using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Queue.LoadTests;

/// <summary>
/// <c>commit-rate</c>: the machine's ceiling for durable single-row SQLite commits (one INSERT per
/// transaction, <c>synchronous=FULL</c>, the same journal settings the server uses), the yardstick the
/// ticket rate is compared with. Group commit is how the server beats it.
/// </summary>
public static class CommitRate
{
    public static int Run(CommandOptions o)
    {
        var result = Measure(TimeSpan.FromSeconds(o.Double("duration", 5)), o.String("folder"));
        Console.Error.WriteLine($"{result.Commits} durable single-row commits in {result.Seconds:0.0} s = {result.PerSecond:0} commits/s (journal {result.JournalMode})");
        Console.WriteLine(JsonSerializer.Serialize(result, LoadCommand.Output));
        return 0;
    }

    public static CommitRateResult Measure(TimeSpan duration, string? folder = null)
    {
        var dir = folder ?? Directory.CreateTempSubdirectory("queuehall-commit-").FullName;
        var path = Path.Combine(dir, "commit-rate.db");
        try
        {
            using var conn = new SqliteConnection($"Data Source={path};Pooling=false");
            conn.Open();
            Exec(conn, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);");
            var mode = Scalar(conn, "PRAGMA journal_mode;");
            using var insert = conn.CreateCommand();
            insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
            var v = insert.Parameters.Add("$v", SqliteType.Text);
            var clock = Stopwatch.StartNew();
            var n = 0;
            while (clock.Elapsed < duration)
            {
                using var tx = conn.BeginTransaction();
                insert.Transaction = tx;
                v.Value = "ticket " + n;
                insert.ExecuteNonQuery();
                tx.Commit();
                n++;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            return new CommitRateResult(n, Math.Round(seconds, 2), Math.Round(n / seconds, 0), mode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (folder is null) Directory.Delete(dir, recursive: true);
            else foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar()) ?? "";
    }
}

public sealed record CommitRateResult(int Commits, double Seconds, double PerSecond, string JournalMode);
