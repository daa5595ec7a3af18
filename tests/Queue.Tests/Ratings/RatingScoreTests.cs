using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>Scores per window, staff member, service and hall, computed from known ratings by hand.</summary>
public sealed class RatingScoreTests
{
    [Fact]
    public async Task SatisfactionRateWeightedScoreAndActiveRateFollowTheRatingsGiven()
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(clock: clock);
        var citizen = app.CreateClient();
        var staff07 = await app.SignedInAsync("staff07");
        var staff14 = await app.SignedInAsync("staff14");
        // Window 7: 非常满意, 满意, 基本满意, 不满意 and one unrated; window 14: 非常满意.
        foreach (var level in new[] { "verySatisfied", "satisfied", "basicallySatisfied", "dissatisfied" })
            await citizen.RatedAsync(await staff07.ServeAsync(citizen, 7), level);
        await staff07.ServeAsync(citizen, 7);
        await citizen.RatedAsync(await staff14.ServeAsync(citizen, 14, Demo.Invoice), "verySatisfied");

        var evaluator = await app.SignedInAsync("evaluator");
        var byWindow = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=window&period=week&date=2026-11-20", ApiCalls.Json);
        Assert.Contains("0.6", byWindow!.Formula);
        var w7 = byWindow.Rows.Single(r => r.Key == Demo.Window(7));
        Assert.Equal((5, 4, 4, 3, 1), (w7.Served, w7.Rated, w7.ActiveRatings, w7.Satisfied, w7.Bad));
        Assert.Equal(0.75, w7.SatisfactionRate);
        Assert.Equal((10 + 8 + 6 + 3) / 4.0, w7.WeightedScore);
        Assert.Equal(0.8, w7.ActiveRate);
        Assert.Equal((1, 0, 0.0), (w7.Cases, w7.CasesClosed, w7.RectificationRate!.Value));
        Assert.Null(w7.OnTimeRate);
        var w14 = byWindow.Rows.Single(r => r.Key == Demo.Window(14));
        Assert.Equal((1, 1.0, 10.0), (w14.Rated, w14.SatisfactionRate!.Value, w14.WeightedScore!.Value));
        // Served instantly (start to complete in no time) is within the norm; throughput vs the mean of 3 per window.
        Assert.Equal(Math.Round(100 * (0.6 * 6.75 / 10 + 0.2 * 1 + 0.2 * 1), 1), w7.PerformanceScore);
        Assert.Equal(Math.Round(100 * (0.6 * 1 + 0.2 * (1 / 3.0) + 0.2 * 1), 1), w14.PerformanceScore);

        var byStaff = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=staff&period=day&date=2026-11-20", ApiCalls.Json);
        Assert.Equal(4, byStaff!.Rows.Single(r => r.Key == "staff07").Rated);
        Assert.Contains("JC1007", byStaff.Rows.Single(r => r.Key == "staff07").Name);
        var byService = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=service&period=month&date=2026-11-20", ApiCalls.Json);
        Assert.Equal(5, byService!.Rows.Single(r => r.Key == Demo.CompanySetup).Served);
        var hall = (await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=hall&period=month&date=2026-11-20", ApiCalls.Json))!.Rows.Single();
        Assert.Equal((6, 5, 0.8), (hall.Served, hall.Rated, hall.SatisfactionRate!.Value));

        // Another month has nothing.
        var december = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=hall&period=month&date=2026-12-01", ApiCalls.Json);
        Assert.Empty(december!.Rows);
    }

    [Fact]
    public async Task PerformanceScoreStaysWithin100OnAHundredPointWeightScale()
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(clock: clock);
        var evaluator = await app.SignedInAsync("evaluator");
        (await evaluator.PutAsJsonAsync($"/api/halls/{Demo.City}/rating-policy", new { weights = new[] { 100, 80, 60, 30, 0 } })).EnsureSuccessStatusCode();
        var citizen = app.CreateClient();
        var staff07 = await app.SignedInAsync("staff07");
        await citizen.RatedAsync(await staff07.ServeAsync(citizen, 7), "verySatisfied");
        await citizen.RatedAsync(await staff07.ServeAsync(citizen, 7), "basicallySatisfied");

        var scores = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=window&period=day&date=2026-11-20", ApiCalls.Json);
        var w7 = scores!.Rows.Single(r => r.Key == Demo.Window(7));
        Assert.Equal(80.0, w7.WeightedScore);
        // The weighted score is taken as a share of the top weight (100 here), as 10 is by default.
        Assert.Equal(Math.Round(100 * (0.6 * 80 / 100 + 0.2 * 1 + 0.2 * 1), 1), w7.PerformanceScore);
        Assert.DoesNotContain("÷ 10 ", scores.Formula);

        // Weights that are all zero would leave nothing to be a share of.
        var zero = await evaluator.PutAsJsonAsync($"/api/halls/{Demo.City}/rating-policy", new { weights = new[] { 0, 0, 0, 0, 0 } });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, zero.StatusCode);
    }
}
