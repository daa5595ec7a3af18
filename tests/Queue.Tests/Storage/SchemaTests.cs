using System.Net;
using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Storage;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Storage;

public sealed class SchemaTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task RestartingOnAnExistingDatabaseKeepsItsDataAndSchemaVersion(StorageKind storage)
    {
        await using var db = await TestDatabase.CreateAsync(storage);
        var settings = db.Settings().ToDictionary();
        TicketDto issued;
        await using (var first = await ServerProcess.StartAsync(settings))
        {
            using var http = new HttpClient { BaseAddress = first.Address };
            issued = await http.IssueAsync(Demo.Invoice);
        }
        await using var second = await QueueAppOn(db);
        var migrator = second.Services.GetRequiredService<SchemaMigrator>();
        Assert.Equal(SchemaMigrator.LatestVersion, await migrator.CurrentVersionAsync());
        await migrator.MigrateAsync(); // idempotent: a second run changes nothing
        var ticket = await second.CreateClient().GetStringAsync($"/api/tickets/{issued.Id}?token={issued.Token}");
        Assert.Contains(issued.Number, ticket);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task AnOlderDatabaseIsUpgradedInPlaceToTheSchemaANewOneGetsAndKeepsItsTickets(StorageKind storage)
    {
        await using var db = await TestDatabase.CreateAsync(storage);
        List<TicketDto> issued;
        TicketDto transferred;
        await using (var app = new WebOnDatabase(db))
        {
            var citizen = app.CreateClient();
            var staff = app.CreateClient();
            staff.DefaultRequestHeaders.Authorization = new("Bearer", await staff.SignInAsync("staff05"));
            issued = [await citizen.IssueAsync(Demo.SocialInsurance), await citizen.IssueAsync(Demo.SocialInsurance)];
            (await staff.WindowAsync(5, "call-next")).EnsureSuccessStatusCode();
            (await staff.WindowAsync(5, "start")).EnsureSuccessStatusCode();
            (await staff.WindowAsync(5, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
            (await staff.WindowAsync(5, "call-next")).EnsureSuccessStatusCode();
            (await staff.WindowAsync(5, "recall")).EnsureSuccessStatusCode(); // an older database kept only this latest call
            // A transfer an older database knows only from its journal (version 6 counts it back from there).
            transferred = await citizen.IssueAsync(Demo.ProvidentFund);
            var other = app.CreateClient();
            other.DefaultRequestHeaders.Authorization = new("Bearer", await other.SignInAsync("staff06"));
            (await other.WindowAsync(6, "call-next")).EnsureSuccessStatusCode();
            (await other.WindowAsync(6, "transfer", new { serviceId = Demo.SocialInsurance })).EnsureSuccessStatusCode();
        }
        var created = await ColumnsAsync(db, "tickets");
        var keysCreated = await ColumnsAsync(db, "idempotency_keys");
        var daysCreated = await ColumnsAsync(db, "report_days");
        var demoCreated = await ColumnsAsync(db, "demo_history");
        var indexes = await IndexesAsync(db, "tickets");
        // Version 5 (issue 15): account lockout, matters' English names, the audit log.
        // Version 8 (issue 17): windows' and categories' English names.
        var setUpTables = new[] { "accounts", "services", "audit_entries", "windows" };
        var setUpCreated = new List<string>();
        foreach (var table in setUpTables) setUpCreated.Add(await ColumnsAsync(db, table));
        var auditIndexes = await IndexesAsync(db, "audit_entries");
        var reportIndex = await IndexSqlAsync(db);
        // Version 7: a weekday's lunch break.
        var hoursCreated = await ColumnsAsync(db, "hall_opening_hours");
        Assert.Contains("BreakStarts", hoursCreated);
        Assert.Contains("TransferCount", reportIndex);

        // The database as version 1 left it: no first-call column (version 2), no idempotency keys (version 3), no report
        // index (version 4), no transfer count, closed report days or demo history (version 6), no lunch break (version 7), no English names of windows and categories (version 8). Every
        // later step then runs on it.
        await ExecAsync(db, storage == StorageKind.Sqlite
            ? "DROP INDEX \"IX_tickets_report\"; ALTER TABLE tickets DROP COLUMN FirstCalledAt; ALTER TABLE tickets DROP COLUMN TransferCount; DROP TABLE idempotency_keys; " +
              "ALTER TABLE accounts DROP COLUMN Disabled; ALTER TABLE accounts DROP COLUMN FailedSignIns; ALTER TABLE accounts DROP COLUMN LockedUntil; " +
              "ALTER TABLE services DROP COLUMN NameEn; DROP TABLE audit_entries; DROP TABLE report_days; DROP TABLE demo_history; " +
              "ALTER TABLE hall_opening_hours DROP COLUMN BreakStarts; ALTER TABLE hall_opening_hours DROP COLUMN BreakEnds; " +
              "ALTER TABLE windows DROP COLUMN NameEn; ALTER TABLE services DROP COLUMN CategoryEn; UPDATE schema_versions SET version = 1"
            : "DROP INDEX \"IX_tickets_report\"; ALTER TABLE tickets DROP COLUMN \"FirstCalledAt\"; ALTER TABLE tickets DROP COLUMN \"TransferCount\"; DROP TABLE idempotency_keys; " +
              "ALTER TABLE accounts DROP COLUMN \"Disabled\", DROP COLUMN \"FailedSignIns\", DROP COLUMN \"LockedUntil\"; " +
              "ALTER TABLE services DROP COLUMN \"NameEn\"; DROP TABLE audit_entries; DROP TABLE report_days; DROP TABLE demo_history; " +
              "ALTER TABLE hall_opening_hours DROP COLUMN \"BreakStarts\", DROP COLUMN \"BreakEnds\"; " +
              "ALTER TABLE windows DROP COLUMN \"NameEn\"; ALTER TABLE services DROP COLUMN \"CategoryEn\"; UPDATE schema_versions SET version = 1");
        Assert.NotEqual(created, await ColumnsAsync(db, "tickets"));
        Assert.DoesNotContain("IX_tickets_report", await IndexesAsync(db, "tickets"));

        await using var upgraded = new WebOnDatabase(db);
        var citizenAfter = upgraded.CreateClient();
        Assert.Equal(SchemaMigrator.LatestVersion, await upgraded.Services.GetRequiredService<SchemaMigrator>().CurrentVersionAsync());
        Assert.Equal(created, await ColumnsAsync(db, "tickets"));
        Assert.Equal(keysCreated, await ColumnsAsync(db, "idempotency_keys"));
        Assert.Equal(daysCreated, await ColumnsAsync(db, "report_days"));
        Assert.Equal(demoCreated, await ColumnsAsync(db, "demo_history"));
        Assert.Equal(indexes, await IndexesAsync(db, "tickets"));
        Assert.Equal(reportIndex, await IndexSqlAsync(db));
        // Counted back from the journal: the transferred ticket once, the others never.
        Assert.Equal(1L, await ScalarAsync(db, $"SELECT \"TransferCount\" FROM tickets WHERE \"Number\" = '{transferred.Number}'"));
        Assert.Equal(0L, await ScalarAsync(db, $"SELECT COALESCE(SUM(\"TransferCount\"), 0) FROM tickets WHERE \"Number\" <> '{transferred.Number}'"));
        Assert.Contains("IX_tickets_report", indexes);
        for (var i = 0; i < setUpTables.Length; i++) Assert.Equal(setUpCreated[i], await ColumnsAsync(db, setUpTables[i]));
        Assert.Equal(auditIndexes, await IndexesAsync(db, "audit_entries"));
        Assert.Equal(hoursCreated, await ColumnsAsync(db, "hall_opening_hours"));
        // The demo accounts kept their passwords through the upgrade, and are neither disabled nor locked.
        Assert.Equal(HttpStatusCode.OK, (await citizenAfter.PostAsJsonAsync("/api/auth/login", new { username = "staff05", password = "demo123" })).StatusCode);
        foreach (var ticket in issued)
        {
            var read = await citizenAfter.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticket.Id}?token={ticket.Token}", ApiCalls.Json);
            Assert.Equal(read.GetProperty("calledAt").GetDateTimeOffset(), read.GetProperty("firstCalledAt").GetDateTimeOffset());
        }
    }

    /// <summary>Each column of <paramref name="table"/> as "name type nullable", sorted: what a new install and an upgrade must agree on.</summary>
    private static async Task<string> ColumnsAsync(TestDatabase db, string table)
    {
        await using var conn = Open(db);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = db.Kind == StorageKind.Sqlite
            ? $"SELECT name || ' ' || type || ' ' || (1 - \"notnull\") FROM pragma_table_info('{table}')"
            : $"SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns WHERE table_name = '{table}'";
        var columns = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return string.Join("\n", columns.Order(StringComparer.Ordinal));
    }

    /// <summary>The names of the indexes of <paramref name="table"/>, sorted.</summary>
    private static async Task<List<string>> IndexesAsync(TestDatabase db, string table)
    {
        await using var conn = Open(db);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = db.Kind == StorageKind.Sqlite
            ? $"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}'"
            : $"SELECT indexname FROM pg_indexes WHERE tablename = '{table}'";
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <summary>The report index as the database describes it (its columns), to compare a new install with an upgrade.</summary>
    private static async Task<string> IndexSqlAsync(TestDatabase db)
    {
        await using var conn = Open(db);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = db.Kind == StorageKind.Sqlite
            ? "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info('IX_tickets_report') ORDER BY seqno)"
            : "SELECT indexdef FROM pg_indexes WHERE indexname = 'IX_tickets_report'";
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<long> ScalarAsync(TestDatabase db, string sql)
    {
        await using var conn = Open(db);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private static async Task ExecAsync(TestDatabase db, string sql)
    {
        await using var conn = Open(db);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static DbConnection Open(TestDatabase db) => db.Kind == StorageKind.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnection(db.ConnectionString)
        : new Npgsql.NpgsqlConnection(db.ConnectionString);

    private static Task<WebOnDatabase> QueueAppOn(TestDatabase db) => Task.FromResult(new WebOnDatabase(db));

    /// <summary>The web host on an existing database (no fresh one), for restart checks.</summary>
    private sealed class WebOnDatabase(TestDatabase db) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            foreach (var (k, v) in db.Settings()) builder.UseSetting(k, v);
        }
    }
}
