using System.Collections.Concurrent;
using System.Net.Http.Json;
using Npgsql;
using Queue.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Queue.Tests.Storage;

/// <summary>
/// A real server process is killed with SIGKILL while tickets are being issued. After a restart every
/// ticket the clients saw acknowledged is there, and no number was issued twice.
/// </summary>
[Collection("Resilience")]
public sealed class DurabilityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task KillNineWhileIssuingLosesNoAcknowledgedTicketAndNeverReusesANumber(StorageKind storage)
    {
        await using var db = await TestDatabase.CreateAsync(storage);
        var port = ServerProcess.FreePort();
        var acknowledged = new ConcurrentBag<TicketDto>();

        for (var round = 0; round < 3; round++)
        {
            var server = await ServerProcess.StartAsync(db.Settings(), port);
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
            using var stop = new CancellationTokenSource();
            var issuers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                var service = i % 2 == 0 ? Demo.Invoice : Demo.SocialInsurance;
                while (!stop.IsCancellationRequested)
                {
                    try { acknowledged.Add(await http.IssueAsync(service)); }
                    catch (HttpRequestException) { return; }
                    catch (TaskCanceledException) { return; }
                }
            })).ToList();
            // Kill in the middle of the stream: after some tickets of this round were acknowledged, at a random moment.
            var target = acknowledged.Count + 30;
            for (var waited = 0; acknowledged.Count < target && waited < 300; waited++) await Task.Delay(100);
            await Task.Delay(Random.Shared.Next(0, 150));
            server.Kill9();
            stop.Cancel();
            await Task.WhenAll(issuers);
            await server.DisposeAsync();
        }

        Assert.True(acknowledged.Count > 50, $"only {acknowledged.Count} tickets were issued before the kills");
        await using var final = await ServerProcess.StartAsync(db.Settings(), port);
        using var check = new HttpClient { BaseAddress = final.Address };
        foreach (var t in acknowledged)
        {
            var stored = await check.GetFromJsonAsync<TicketDto>($"/api/tickets/{t.Id}?token={t.Token}", ApiCalls.Json);
            Assert.Equal(t.Number, stored!.Number);
        }
        var numbers = await StoredNumbersAsync(db);
        output.WriteLine($"{storage}: {acknowledged.Count} tickets acknowledged across 3 kills, {numbers.Count} stored, all acknowledged found, numbers unique");
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Subset(numbers.ToHashSet(), acknowledged.Select(t => t.Number).ToHashSet());
        // Issuing goes on from the highest number ever committed.
        var after = await check.IssueAsync(Demo.Invoice);
        Assert.DoesNotContain(after.Number, numbers);
    }

    private static async Task<List<string>> StoredNumbersAsync(TestDatabase db)
    {
        const string sql = "SELECT \"Number\" FROM tickets";
        var result = new List<string>();
        if (db.Kind == StorageKind.Postgres)
        {
            await using var conn = new NpgsqlConnection(db.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) result.Add(r.GetString(0));
        }
        else
        {
            await using var conn = new Microsoft.Data.Sqlite.SqliteConnection(db.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) result.Add(r.GetString(0));
        }
        return result;
    }
}
