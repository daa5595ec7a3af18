using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>Rating invitations reach the paired pad of the completing window and nobody else on the hub.</summary>
public sealed class PadHubTests
{
    [Fact]
    public async Task InvitationIsPushedOnlyToThePairedPadOfTheWindowThatCompletedTheTicket()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var manager = await app.SignedInAsync("manager");
        var key7 = (await (await manager.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/pad", null)).Content.ReadFromJsonAsync<Pairing>())!.PadKey;
        var key8 = (await (await manager.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(8)}/pad", null)).Content.ReadFromJsonAsync<Pairing>())!.PadKey;

        await using var pad7 = await PadProbe.StartAsync(app.Address, $"pad:{Demo.City}:{Demo.Window(7)}:{key7}");
        await using var pad8 = await PadProbe.StartAsync(app.Address, $"pad:{Demo.City}:{Demo.Window(8)}:{key8}");
        await using var wall = await PadProbe.StartAsync(app.Address, $"hall:{Demo.City}");
        await using var stranger = await PadProbe.StartAsync(app.Address, $"pad:{Demo.City}:{Demo.Window(7)}:guessed-key");
        await using var wrongWindow = await PadProbe.StartAsync(app.Address, $"pad:{Demo.City}:{Demo.Window(7)}:{key8}");
        Assert.True(pad7.Joined && pad8.Joined && wall.Joined);
        Assert.False(stranger.Joined);
        Assert.False(wrongWindow.Joined);

        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        var invited = await pad7.WaitForAsync(j => j.GetProperty("kind").GetString() == "event" && j.GetProperty("name").GetString() == "RatingInvited", TimeSpan.FromSeconds(5));
        Assert.Equal(ticket.Id.ToString(), invited.GetProperty("args")[0].GetProperty("ticketId").GetString());
        // The wall saw the completion on the board; give any stray push time to arrive before looking.
        await wall.WaitForAsync(j => j.GetProperty("kind").GetString() == "event" && j.GetProperty("name").GetString() == "BoardChanged", TimeSpan.FromSeconds(5));
        await Task.Delay(500);
        Assert.Empty(pad8.Events("RatingInvited"));
        Assert.Empty(wall.Events("RatingInvited"));
        Assert.Empty(stranger.Events("RatingInvited"));
        Assert.Empty(wrongWindow.Events("RatingInvited"));

        // The pushed invitation rates that ticket through the public endpoint.
        var invitation = invited.GetProperty("args")[0].GetProperty("invitation").GetString();
        var res = await citizen.PostAsJsonAsync($"/api/tickets/{ticket.Id}/rating", new { invitation, level = "verySatisfied" });
        Assert.Equal(System.Net.HttpStatusCode.Created, res.StatusCode);
    }

    private sealed record Pairing(string PadKey);
}
