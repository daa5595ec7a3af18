using Microsoft.Data.Sqlite;
using Npgsql;

namespace Queue.LoadTests;

/// <summary>
/// A fresh database for one run: a SQLite file in a temporary folder, or a new database on a PostgreSQL
/// server (<c>--pg</c> or QUEUEHALL_PG / QUEUEHALL_TEST_PG). Disposing drops it.
/// </summary>
public sealed class TargetDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? pgServer;
    private readonly string? pgName;

    private TargetDatabase(bool postgres, string connectionString, string? folder, string? pgServer, string? pgName)
    {
        IsPostgres = postgres;
        ConnectionString = connectionString;
        this.folder = folder;
        this.pgServer = pgServer;
        this.pgName = pgName;
    }

    public bool IsPostgres { get; }
    public string ConnectionString { get; }

    public static async Task<TargetDatabase> CreateAsync(string storage, string? pgServer)
    {
        if (storage.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Directory.CreateTempSubdirectory("queuehall-load-").FullName;
            return new TargetDatabase(false, $"Data Source={Path.Combine(folder, "queuehall.db")}", folder, null, null);
        }
        if (!storage.Equals("postgres", StringComparison.OrdinalIgnoreCase)) throw new ArgumentException("--storage is sqlite or postgres.");
        var server = pgServer ?? Environment.GetEnvironmentVariable("QUEUEHALL_PG") ?? Environment.GetEnvironmentVariable("QUEUEHALL_TEST_PG")
            ?? throw new ArgumentException("PostgreSQL needs --pg \"Host=…;Username=…;Database=postgres\" (or QUEUEHALL_PG); scripts/load.sh starts one.");
        var name = "qh_load_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 60 }.ConnectionString;
        return new TargetDatabase(true, cs, null, server, name);
    }

    /// <summary>Configuration keys that point the web host at this database.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Storage:Provider"] = IsPostgres ? "Postgres" : "Sqlite",
        ["ConnectionStrings:Queue"] = ConnectionString,
        // The demo's generated weeks (decision 0100) would load the server and mix into the history benchmark's year.
        ["Demo:History"] = "false",
        // Benchmarks run at any hour; the demo's office hours (Beijing time) would close its halls at night.
        ["Demo:OpeningHours"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
        if (pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
