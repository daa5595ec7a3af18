using System.Net;
using System.Net.Http.Json;
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
}
