using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Ratings;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>Unrated served tickets take the hall's default level after the hall's number of days (系统默认评价).</summary>
public sealed class DefaultRatingTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task UnratedServedTicketsTakeTheDefaultLevelAfterTheHallsDaysMarkedSystemDefault(StorageKind storage)
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(storage, clock: clock);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var rated = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(rated, "satisfied");
        var unrated = await staff.ServeAsync(citizen, 7);
        var waiting = await citizen.IssueAsync(Demo.Invoice);
        var defaults = app.Services.GetRequiredService<DefaultRatings>();

        clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await defaults.ApplyAsync());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await defaults.ApplyAsync());
        Assert.Equal(0, await defaults.ApplyAsync());

        var evaluator = await app.SignedInAsync("evaluator");
        var ratings = await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json);
        var given = ratings!.Single(r => r.TicketId == unrated.Id);
        Assert.Equal(("systemDefault", "basicallySatisfied", 3), (given.Channel, given.Level, given.Code));
        Assert.Equal("mobile", ratings!.Single(r => r.TicketId == rated.Id).Channel);
        Assert.DoesNotContain(ratings!, r => r.TicketId == waiting.Id);

        // The default counts as the ticket's one rating.
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.RateAsync(unrated, "verySatisfied")).StatusCode);

        // 主动评价率 counts only what citizens gave: one of two services.
        var scores = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=hall&period=day&date=2026-11-20", ApiCalls.Json);
        var hall = scores!.Rows.Single();
        Assert.Equal((2, 2, 1, 0.5), (hall.Served, hall.Rated, hall.ActiveRatings, hall.ActiveRate!.Value));
    }

    [Fact]
    public async Task HallSetsItsOwnDefaultLevelAndDaysButNeverADefaultBadReview()
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(clock: clock);
        var evaluator = await app.SignedInAsync("evaluator");
        var bad = await evaluator.PutAsJsonAsync($"/api/halls/{Demo.City}/rating-policy", new { defaultLevel = "dissatisfied", defaultAfterDays = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        (await evaluator.PutAsJsonAsync($"/api/halls/{Demo.City}/rating-policy", new { defaultLevel = "verySatisfied", defaultAfterDays = 1 })).EnsureSuccessStatusCode();

        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await app.Services.GetRequiredService<DefaultRatings>().ApplyAsync());
        evaluator = await app.SignedInAsync("evaluator"); // sign-ins last 12 hours of the test's clock
        var given = (await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json))!.Single(r => r.TicketId == ticket.Id);
        Assert.Equal(("systemDefault", "verySatisfied"), (given.Channel, given.Level));
    }
}
