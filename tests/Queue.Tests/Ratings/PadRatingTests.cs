using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Ratings;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>The pad rates through the same service as the phone, with a one-time invitation bound to the ticket and window.</summary>
public sealed class PadRatingTests
{
    [Fact]
    public async Task PadInvitationRatesTheTicketJustCompletedAtItsWindowOnceAndNothingElse()
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(clock: clock);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        await app.AttendAsync(2); // 李明 at window 2, who is named on its pad below
        var first = await staff.ServeAsync(citizen, 7);
        var pads = app.Services.GetRequiredService<PadDesk>();
        var firstInvitation = (await pads.ViewAsync(Demo.City, Demo.Window(7))).Invitation!;
        Assert.Equal(first.Id, firstInvitation.TicketId);
        clock.Advance(TimeSpan.FromSeconds(20));
        var second = await staff.ServeAsync(citizen, 7);
        var view = await pads.ViewAsync(Demo.City, Demo.Window(7));
        Assert.Equal(second.Id, view.Invitation!.TicketId);
        Assert.Equal("李明", (await pads.ViewAsync(Demo.City, Demo.Window(2))).Staff!.Name);

        Task<HttpResponseMessage> PadRate(Guid ticketId, string invitation, string level = "satisfied") =>
            citizen.PostAsJsonAsync($"/api/tickets/{ticketId}/rating", new { invitation, level, tags = new[] { "服务热情" } });

        // An invitation is for its own ticket only, and a forged one is worthless.
        Assert.Equal(HttpStatusCode.NotFound, (await PadRate(first.Id, view.Invitation.Invitation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PadRate(second.Id, view.Invitation.Invitation + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsJsonAsync($"/api/tickets/{second.Id}/rating", new { invitation = view.Invitation.Invitation, token = second.Token, level = "satisfied" })).StatusCode);

        var rated = await PadRate(second.Id, view.Invitation.Invitation);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        Assert.Equal("pad", (await rated.ReadAsync<RatingDto>()).Channel);
        Assert.Equal(HttpStatusCode.Conflict, (await PadRate(second.Id, view.Invitation.Invitation)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.RateAsync(second, "verySatisfied")).StatusCode);
        Assert.Null((await pads.ViewAsync(Demo.City, Demo.Window(7))).Invitation);

        // The first ticket's invitation runs out; its holder can still rate on the phone.
        clock.Advance(TimeSpan.FromMinutes(4));
        var late = await PadRate(first.Id, firstInvitation.Invitation);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal("rating.invitationExpired", (await late.ProblemAsync()).Code);
        await citizen.RatedAsync(first, "verySatisfied");
    }

    [Fact]
    public async Task OnlyTheHallsManagersPairAPadAndRepairingRevokesTheOldKey()
    {
        await using var app = await QueueApp.StartAsync();
        var manager = await app.SignedInAsync("manager");
        var staff = await app.SignedInAsync("staff07");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/pad", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/pad", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/api/halls/{Demo.City}/windows/nowhere/pad", null)).StatusCode);

        var first = await (await manager.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/pad", null)).ReadAsync<PadPairingDto>();
        Assert.Equal($"/pad/{Demo.City}/{Demo.Window(7)}?key={first.PadKey}", first.PadUrl);
        var pads = app.Services.GetRequiredService<RatingPads>();
        Assert.True(await pads.IsPairedAsync(Demo.City, Demo.Window(7), first.PadKey));
        Assert.False(await pads.IsPairedAsync(Demo.City, Demo.Window(8), first.PadKey));
        var second = await (await manager.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/pad", null)).ReadAsync<PadPairingDto>();
        Assert.False(await pads.IsPairedAsync(Demo.City, Demo.Window(7), first.PadKey));
        Assert.True(await pads.IsPairedAsync(Demo.City, Demo.Window(7), second.PadKey));
    }

    private sealed record PadPairingDto(string HallId, string WindowId, string PadKey, string PadUrl);
}
