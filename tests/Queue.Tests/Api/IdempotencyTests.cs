using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Api;

/// <summary>design.md §4 "Retries": the same Idempotency-Key with the same body gets the first answer and changes nothing.</summary>
public sealed class IdempotencyTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task ARetriedTicketRequestIssuesOneTicketAndGetsTheFirstAnswer(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        using var kiosk = app.CreateClient();
        var waitingBefore = await WaitingAsync(kiosk);
        var key = Guid.NewGuid().ToString();

        using var first = await IssueAsync(kiosk, key, Demo.Invoice);
        using var retry = await IssueAsync(kiosk, key, Demo.Invoice);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(waitingBefore + 1, await WaitingAsync(kiosk));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIs422AndChangesNothing()
    {
        await using var app = await QueueApp.StartAsync();
        using var kiosk = app.CreateClient();
        var key = Guid.NewGuid().ToString();
        using var first = await IssueAsync(kiosk, key, Demo.Invoice);
        var waiting = await WaitingAsync(kiosk);

        using var other = await IssueAsync(kiosk, key, Demo.SocialInsurance);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("idempotency.keyReused", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(waiting, await WaitingAsync(kiosk));
    }

    [Fact]
    public async Task CopiesRacingWithOneKeyIssueOneTicket()
    {
        await using var app = await QueueApp.StartAsync(StorageKind.Postgres);
        using var kiosk = app.CreateClient();
        var waitingBefore = await WaitingAsync(kiosk);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => IssueAsync(kiosk, key, Demo.Invoice)));

        var ids = new HashSet<string>();
        foreach (var a in answers)
        {
            Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)a.StatusCode}");
            if (a.StatusCode == HttpStatusCode.Created) ids.Add((await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            a.Dispose();
        }
        Assert.Single(ids);
        Assert.Equal(waitingBefore + 1, await WaitingAsync(kiosk));
    }

    [Fact]
    public async Task ARefusedRequestKeepsNoAnswerSoItsRetryRunsAgain()
    {
        await using var app = await QueueApp.StartAsync();
        using var kiosk = app.CreateClient();
        var key = Guid.NewGuid().ToString();
        using var refused = await kiosk.SendAsync(Request(key, new { serviceId = "no-such-service", channel = "kiosk" }));
        using var again = await kiosk.SendAsync(Request(key, new { serviceId = "no-such-service", channel = "kiosk" }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task AKeyThatIsTooLongIs400()
    {
        await using var app = await QueueApp.StartAsync();
        using var kiosk = app.CreateClient();
        using var res = await IssueAsync(kiosk, new string('k', 201), Demo.Invoice);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
    }

    internal static HttpRequestMessage Request(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/halls/{Demo.City}/tickets") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    internal static Task<HttpResponseMessage> IssueAsync(HttpClient client, string key, string serviceId) =>
        client.SendAsync(Request(key, new { serviceId, channel = "kiosk" }));

    private static async Task<int> WaitingAsync(HttpClient client)
    {
        var board = await client.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}/board");
        return board.GetProperty("waiting").EnumerateArray().Sum(q => q.GetProperty("count").GetInt32());
    }
}
