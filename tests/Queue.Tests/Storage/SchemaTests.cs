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
