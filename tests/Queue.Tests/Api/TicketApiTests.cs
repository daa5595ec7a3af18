using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Api;

/// <summary>A ticket's life through the public API, on SQLite and on PostgreSQL.</summary>
public sealed class TicketApiTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task TicketIsIssuedCalledServedAndCompletedThroughTheApi(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");

        var ticket = await citizen.IssueAsync(Demo.CompanySetup);
        Assert.Equal("waiting", ticket.Status);
        Assert.StartsWith("B", ticket.Number);
        Assert.True(ticket.Token!.Length >= 22, "token carries at least 128 bits");
        Assert.Equal($"/t/{ticket.Id}?token={ticket.Token}", ticket.TrackUrl);

        var called = await (await staff.WindowAsync(7, "call-next")).ReadAsync<TicketDto>();
        Assert.Equal(ticket.Id, called.Id);
        Assert.Equal(7, called.WindowNumber);
        Assert.Equal("serving", (await (await staff.WindowAsync(7, "start")).ReadAsync<TicketDto>()).Status);
        var done = await staff.WindowAsync(7, "complete", new { outcome = "done" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var read = await citizen.GetFromJsonAsync<TicketDto>($"/api/tickets/{ticket.Id}?token={ticket.Token}", ApiCalls.Json);
        Assert.Equal("done", read!.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.WindowAsync(7, "call-next")).StatusCode);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task AServiceNoOpenWindowOffersShowsNoEstimateUntilOneOpens(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var citizen = app.CreateClient();
        var manager = await app.SignedInAsync("manager");
        await app.AttendAsync([.. Enumerable.Range(1, 16)]);
        // 发票领用与代开 is offered by windows 1–4 (generalists), 14, 15 and 16.
        foreach (var w in new[] { 1, 2, 3, 4, 14, 15, 16 }) (await manager.WindowAsync(w, "close")).EnsureSuccessStatusCode();

        var ticket = await citizen.IssueAsync(Demo.Invoice);
        Assert.Equal((1, (int?)null), (ticket.Position, ticket.EstimatedWaitMinutes));
        var line = await LineAsync(citizen, Demo.Invoice);
        Assert.Equal(1, line.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("estimatedWaitMinutes").ValueKind);
        Assert.Equal((0, 0), (line.GetProperty("openWindows").GetInt32(), line.GetProperty("pausedWindows").GetInt32()));
        var summary = (await citizen.GetFromJsonAsync<JsonElement>("/api/halls")).EnumerateArray().Single(h => h.GetProperty("id").GetString() == Demo.City);
        Assert.Equal((9, 1), (summary.GetProperty("openWindows").GetInt32(), summary.GetProperty("unservedWaiting").GetInt32()));
        var other = await LineAsync(citizen, Demo.SocialInsurance);
        Assert.Equal((2, 0), (other.GetProperty("openWindows").GetInt32(), other.GetProperty("estimatedWaitMinutes").GetInt32()));

        // A paused window is told apart from none, and still gives no estimate: it calls nobody.
        await app.AttendAsync(15); // its staff opens it
        (await manager.WindowAsync(15, "pause")).EnsureSuccessStatusCode();
        line = await LineAsync(citizen, Demo.Invoice);
        Assert.Equal((0, 1), (line.GetProperty("openWindows").GetInt32(), line.GetProperty("pausedWindows").GetInt32()));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("estimatedWaitMinutes").ValueKind);
        Assert.Null((await ReadTicketAsync(citizen, ticket)).EstimatedWaitMinutes);

        // Back at work, the window is idle: the ticket is next, "any moment".
        (await manager.WindowAsync(15, "resume")).EnsureSuccessStatusCode();
        Assert.Equal(0, (await ReadTicketAsync(citizen, ticket)).EstimatedWaitMinutes);
        line = await LineAsync(citizen, Demo.Invoice);
        Assert.Equal(1, line.GetProperty("openWindows").GetInt32());
        Assert.True(line.GetProperty("estimatedWaitMinutes").GetInt32() > 0, "a second ticket waits for the first one's service");
        var hall = (await citizen.GetFromJsonAsync<JsonElement>("/api/halls")).EnumerateArray().Single(h => h.GetProperty("id").GetString() == Demo.City);
        Assert.Equal(10, hall.GetProperty("openWindows").GetInt32());
    }

    private static async Task<JsonElement> LineAsync(HttpClient client, string serviceId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}/board")).GetProperty("waiting").EnumerateArray()
            .Single(q => q.GetProperty("serviceId").GetString() == serviceId);

    private static async Task<TicketDto> ReadTicketAsync(HttpClient client, TicketDto ticket) =>
        (await client.GetFromJsonAsync<TicketDto>($"/api/tickets/{ticket.Id}?token={ticket.Token}", ApiCalls.Json))!;
}
