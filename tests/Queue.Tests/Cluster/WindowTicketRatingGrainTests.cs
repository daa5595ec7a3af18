using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Ratings;
using Queue.Tests.Infrastructure;
using Queue.Tests.Ratings;

namespace Queue.Tests.Cluster;

/// <summary>The window, ticket and rating grains beside the hall grain (decision 0090), seen through the API.</summary>
public sealed class WindowTicketRatingGrainTests
{
    [Fact]
    public async Task WindowWorkdayNamesWhoWorkedItCountsItsWorkAndTakesTheScoreRatingsFeed()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff05");
        var before = await WorkdayAsync(staff, 5);

        var ticket = await staff.ServeAsync(citizen, 5, Demo.SocialInsurance);
        var served = await WorkdayAsync(staff, 5);
        Assert.Equal(before.GetProperty("figures").GetProperty("completed").GetInt32() + 1, served.GetProperty("figures").GetProperty("completed").GetInt32());
        var shift = served.GetProperty("shifts").EnumerateArray().Single(s => s.GetProperty("staffId").GetString() == "staff05");
        Assert.Equal("陈静", shift.GetProperty("name").GetString());
        Assert.Equal("staff05", served.GetProperty("staffAtWindow").GetString());

        await citizen.RatedAsync(ticket, "veryDissatisfied", comment: "等太久");
        // The rating reaches the window grain one way, without the rating's answer waiting for it.
        var rated = before.GetProperty("rated").GetInt32() + 1;
        JsonElement after = default;
        for (var i = 0; i < 50; i++)
        {
            after = await WorkdayAsync(staff, 5);
            if (after.GetProperty("rated").GetInt32() == rated) break;
            await Task.Delay(100);
        }
        Assert.Equal(rated, after.GetProperty("rated").GetInt32());
        Assert.Equal(before.GetProperty("bad").GetInt32() + 1, after.GetProperty("bad").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("performanceScore").ValueKind);

        // Staff of the hall may (they work any of its windows); an evaluator is no window's staff, and nobody signed out reads it.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("staff13")).GetAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(5)}/workday")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("evaluator")).GetAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(5)}/workday")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(5)}/workday")).StatusCode);
        var manager = await app.SignedInAsync("manager");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/halls/{Demo.City}/windows/no-such-window/workday")).StatusCode);
    }

    [Fact]
    public async Task ASecondRatingIsRefusedAndTheSameRatingRetriedWithItsKeyAnswersTheFirst()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff05");
        var ticket = await staff.ServeAsync(citizen, 5, Demo.SocialInsurance);

        async Task<HttpResponseMessage> Rate(string level, string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket.Id}/rating")
            {
                Content = JsonContent.Create(new { token = ticket.Token, level, tags = Array.Empty<string>(), comment = "很好" }),
            };
            if (key is not null) request.Headers.Add("Idempotency-Key", key);
            return await citizen.SendAsync(request);
        }

        var first = await Rate("satisfied", "rate-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.ReadAsync<RatingDto>()).Id;
        // The phone lost the answer and sends the same request again: the first answer, nothing new.
        var retried = await Rate("satisfied", "rate-1");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(firstId, (await retried.ReadAsync<RatingDto>()).Id);
        // Without the key, or with another rating, it is a second rating: refused, nothing changed.
        foreach (var (level, key) in new[] { ("satisfied", (string?)null), ("dissatisfied", "rate-2") })
        {
            var again = await Rate(level, key);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("rating.already", (await again.ProblemAsync()).Code);
        }
        var evaluator = await app.SignedInAsync("evaluator");
        var ratings = await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json);
        Assert.Equal(firstId, Assert.Single(ratings!, r => r.TicketId == ticket.Id).Id);
    }

    [Fact]
    public async Task EveryHallHasItsRatingDeadlineReminder()
    {
        await using var app = await QueueApp.StartAsync();
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var reminders = app.Services.GetRequiredService<IReminderTable>();
        foreach (var hallId in new[] { Demo.City, Demo.Town })
        {
            var grainId = grains.GetGrain<IRatingDeadlineGrain>(hallId).GetGrainId();
            ReminderTableData? rows = null;
            for (var i = 0; i < 100; i++)
            {
                rows = await reminders.ReadRows(grainId);
                if (rows.Reminders.Count > 0) break;
                await Task.Delay(100);
            }
            var reminder = Assert.Single(rows!.Reminders);
            Assert.Equal(RatingDeadlineGrain.ReminderName, reminder.ReminderName);
            Assert.Equal(RatingDeadlineGrain.Period, reminder.Period);
        }
    }

    private static async Task<JsonElement> WorkdayAsync(HttpClient staff, int window)
    {
        var res = await staff.GetAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(window)}/workday");
        Assert.True(res.IsSuccessStatusCode, $"workday: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }
}
