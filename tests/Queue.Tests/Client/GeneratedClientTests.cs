using System.Net.Http.Headers;
using Queue.Tests.Client.Generated;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Client;

/// <summary>
/// A citizen's visit and a window's work through the client generated from /openapi/v1.json alone: the
/// operation ids, bodies, answers and problem details it was generated from must be what the server does.
/// </summary>
public sealed class GeneratedClientTests : IAsyncLifetime
{
    private QueueApp app = null!;

    public async Task InitializeAsync() => app = await QueueApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<QueueHallClient> SignedInAsync(string user)
    {
        var http = app.CreateClient();
        var token = await new QueueHallClient(http).LoginAsync(new LoginRequest { Username = user, Password = "demo123" });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return new QueueHallClient(http);
    }

    [Fact]
    public async Task A_ticket_is_issued_called_served_and_rated_through_the_generated_client()
    {
        var citizen = new QueueHallClient(app.CreateClient());
        var hall = await citizen.GetHallAsync(Demo.City);
        var window = hall.Windows.Single(w => w.Number == 1);
        var ticket = await citizen.IssueTicketAsync(Demo.City, new IssueTicketRequest { ServiceId = window.ServiceIds.First(), Channel = TicketChannel.Kiosk });
        Assert.False(string.IsNullOrEmpty(ticket.Token));
        Assert.Equal(TicketStatus.Waiting, (await citizen.GetTicketAsync(ticket.Id, ticket.Token)).Status);

        var staff = await SignedInAsync("staff01");
        // The demo seed opens some windows; opening an open one is a documented 409.
        if (window.State == WindowState.Closed) await staff.OpenWindowAsync(Demo.City, window.Id);
        var called = await staff.CallNextAsync(Demo.City, window.Id);
        Assert.Equal(ticket.Id, called.Id);
        await staff.StartServiceAsync(Demo.City, window.Id);
        var done = await staff.CompleteServiceAsync(Demo.City, window.Id, new CompleteRequest { Outcome = TicketOutcome.Done });
        Assert.Equal(TicketStatus.Done, done.Status);
        Assert.Equal(TicketOutcome.Done, done.Outcome);

        var rating = await citizen.RateTicketAsync(ticket.Id, new RateRequest { Token = ticket.Token, Level = RatingLevel.Satisfied, Tags = [] });
        Assert.Equal(RatingLevel.Satisfied, rating.Level);
        var again = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            citizen.RateTicketAsync(ticket.Id, new RateRequest { Token = ticket.Token, Level = RatingLevel.Satisfied, Tags = [] }));
        Assert.Equal(409, again.StatusCode);
        Assert.False(string.IsNullOrEmpty(again.Result.Code));
    }

    [Fact]
    public async Task Refusals_arrive_as_the_documented_problem_details()
    {
        var citizen = new QueueHallClient(app.CreateClient());
        var unknown = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            citizen.IssueTicketAsync(Demo.City, new IssueTicketRequest { ServiceId = "no-such-service", Channel = TicketChannel.Kiosk }));
        Assert.Equal(404, unknown.StatusCode);
        var noHall = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => citizen.GetRatingPolicyAsync("no-such-hall"));
        Assert.Equal("hall.notFound", noHall.Result.Code);

        var manager = await SignedInAsync("manager");
        var bad = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            manager.SetOpeningHoursAsync(Demo.City, new OpeningHoursRequest { Hours = [new WeekdayHours { Weekday = Generated.DayOfWeek.Monday, Opens = "9 am", Closes = "17:00" }] }));
        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("hours[0].opens", bad.Result.Errors.Keys);
        var staff = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => citizen.OpenWindowAsync(Demo.City, Demo.Window(1)));
        Assert.Equal(401, staff.StatusCode);
    }
}
