using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.Tests.Infrastructure;
using static Queue.Tests.Api.IdempotencyTests;

namespace Queue.Tests.Resilience;

/// <summary>An answer kept for an Idempotency-Key survives kill -9 of the node that gave it.</summary>
[Collection("Resilience")]
public sealed class IdempotencyAcrossCrashTests
{
    [Fact]
    public async Task ARetryAfterKillNineGetsTheFirstTicketBack()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        var port = ServerProcess.FreePort();
        var key = Guid.NewGuid().ToString();
        string firstBody;
        await using (var server = await ServerProcess.StartAsync(db.Settings(), port))
        {
            using var http = new HttpClient { BaseAddress = server.Address };
            using var first = await IssueAsync(http, key, Demo.Invoice);
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            firstBody = await first.Content.ReadAsStringAsync();
            server.Kill9();
        }
        await using var again = await ServerProcess.StartAsync(db.Settings(), port);
        using var client = new HttpClient { BaseAddress = again.Address };
        using var retry = await IssueAsync(client, key, Demo.Invoice);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        var board = await client.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}/board");
        Assert.Equal(1, board.GetProperty("waiting").EnumerateArray().Sum(q => q.GetProperty("count").GetInt32()));
    }

}
