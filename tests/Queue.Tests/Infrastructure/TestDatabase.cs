using Npgsql;

namespace Queue.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a new database on the
/// test PostgreSQL server. Disposing removes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? pgName;

    private TestDatabase(StorageKind kind, string connectionString, string? folder, string? pgName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        this.folder = folder;
        this.pgName = pgName;
    }

    public StorageKind Kind { get; }
    public string ConnectionString { get; }
    public string Provider => Kind == StorageKind.Postgres ? "Postgres" : "Sqlite";

    public static async Task<TestDatabase> CreateAsync(StorageKind kind)
    {
        if (kind == StorageKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("queuehall-test-").FullName;
            return new TestDatabase(kind, $"Data Source={Path.Combine(folder, "queuehall.db")}", folder, null);
        }
        var name = "qh_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(TestEnvironment.PostgresServer))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = name }.ConnectionString;
        return new TestDatabase(kind, cs, null, name);
    }

    /// <summary>Configuration keys that point the web host at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Storage:Provider", Provider);
        yield return new("ConnectionStrings:Queue", ConnectionString);
        // The demo's generated weeks (decision 0100) would mix into the days tests write and count; tests that want them ask.
        yield return new("Demo:History", "false");
        // Tests run at any hour; the demo's office hours (Beijing time) would close its kiosk at night. DemoHoursTests asks for them.
        yield return new("Demo:OpeningHours", "false");
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
        if (pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
