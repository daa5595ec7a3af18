using System.Net;
using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>一次一评 through the public API: once, only after service, never by staff, bound to who served.</summary>
public sealed class RatingApiTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task ServedTicketIsRatedOnceAndTheSecondRatingIsRefused(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);

        var rating = await citizen.RatedAsync(ticket, "verySatisfied", ["办事高效"], "很快");
        Assert.Equal(1, rating.Code);
        Assert.Equal("mobile", rating.Channel);
        Assert.Equal(1, rating.Round);

        var again = await citizen.RateAsync(ticket, "satisfied");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("rating.already", (await again.ProblemAsync()).Code);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task ConcurrentRatingsOfOneTicketCountOnce(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.CreateClient().RateAsync(ticket, "satisfied")));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task TicketNotYetServedCannotBeRated()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var ticket = await citizen.IssueAsync(Demo.CompanySetup);

        var waiting = await citizen.RateAsync(ticket, "satisfied");
        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        Assert.Equal("rating.notServed", (await waiting.ProblemAsync()).Code);

        var staff = await app.SignedInAsync("staff07");
        (await staff.WindowAsync(7, "call-next")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.RateAsync(ticket, "satisfied")).StatusCode);
    }

    [Fact]
    public async Task WrongTokenIsAnsweredLikeAnUnknownTicket()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);

        Assert.Equal(HttpStatusCode.NotFound, (await citizen.RateAsync(ticket, "satisfied", token: "not-the-token")).StatusCode);
        var unknown = ticket with { Id = Guid.NewGuid() };
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.RateAsync(unknown, "satisfied")).StatusCode);
    }

    [Theory]
    [InlineData("staff07")]
    [InlineData("manager")]
    [InlineData("evaluator")]
    [InlineData("admin")]
    public async Task SignedInHallAccountsCannotRateEvenWithTheTicketToken(string account)
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);

        var signedIn = await app.SignedInAsync(account);
        var res = await signedIn.RateAsync(ticket, "verySatisfied");
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Equal("rating.staffCannotRate", (await res.ProblemAsync()).Code);
        // The refusal left the ticket unrated: the citizen still can.
        await citizen.RatedAsync(ticket, "satisfied");
    }

    [Fact]
    public async Task RatingIsBoundToTicketWindowStaffAndServiceAndOnlyEvaluatorsSeeThePhone()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        var given = await citizen.RatedAsync(ticket, "satisfied", ["服务热情"], phone: "13812345678");
        Assert.Equal("138****5678", given.Phone);

        var evaluator = await app.SignedInAsync("evaluator");
        var seen = (await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json))!.Single();
        Assert.Equal((ticket.Id, Demo.Window(7), "staff07", Demo.CompanySetup, ticket.Number), (seen.TicketId, seen.WindowId, seen.StaffId, seen.ServiceId, seen.TicketNumber));
        Assert.Equal("13812345678", seen.Phone);

        var manager = await app.SignedInAsync("manager");
        var masked = (await manager.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json))!.Single();
        Assert.Equal("138****5678", masked.Phone);
        var admin = await app.SignedInAsync("admin");
        Assert.Equal("138****5678", (await admin.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json))!.Single().Phone);
    }

    [Theory]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("０５７１－８８８８ ６６６６", "057188886666")]
    [InlineData("(0571) 8888-6666", "057188886666")]
    public async Task TheCallBackNumberIsAcceptedAsPeopleTypeItAndKeptAsItsDigits(string typed, string stored)
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        await citizen.RatedAsync(await staff.ServeAsync(citizen, 7), "satisfied", phone: typed);
        var evaluator = await app.SignedInAsync("evaluator");
        Assert.Equal(stored, (await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json))!.Single().Phone);

        // Too few digits, or letters, are still refused, in Chinese first.
        foreach (var bad in new[] { "12 34", "138abc45678", "1234567890123456789012" })
        {
            var refused = await citizen.RateAsync(await staff.ServeAsync(citizen, 7), "satisfied", phone: bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.ProblemAsync();
            Assert.Contains("phone", problem.Errors!.Keys);
            Assert.StartsWith("回访电话", problem.Detail);
        }
    }

    [Fact]
    public async Task TagsMustBelongToTheLevelAndTheCommentIsLengthLimited()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);

        var wrongTag = await citizen.RateAsync(ticket, "verySatisfied", ["态度恶劣"]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongTag.StatusCode);
        Assert.Contains("tags", (await wrongTag.ProblemAsync()).Errors!.Keys);
        var tooLong = await citizen.RateAsync(ticket, "satisfied", comment: new string('很', 301));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsJsonAsync($"/api/tickets/{ticket.Id}/rating", new { token = ticket.Token, level = "great" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsJsonAsync($"/api/tickets/{ticket.Id}/rating", new { token = ticket.Token })).StatusCode);

        // The hall changes its tags; the new tag is accepted from then on.
        var evaluator = await app.SignedInAsync("evaluator");
        var policy = await evaluator.GetFromJsonAsync<Dictionary<string, object>>($"/api/halls/{Demo.City}/rating-policy");
        var put = await evaluator.PutAsJsonAsync($"/api/halls/{Demo.City}/rating-policy", new
        {
            tags = new Dictionary<string, string[]> { ["verySatisfied"] = ["帮办代办贴心"], ["satisfied"] = [], ["basicallySatisfied"] = [], ["dissatisfied"] = [], ["veryDissatisfied"] = [] },
            defaultLevel = "verySatisfied",
            defaultAfterDays = 5,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.NotNull(policy);
        await citizen.RatedAsync(ticket, "verySatisfied", ["帮办代办贴心"]);
    }
}
