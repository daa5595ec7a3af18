using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Ratings;
using Queue.Silo.Storage;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>差评工单: the workflow in order, appeal and exclusion, the follow-up rating, reminders and escalation, the untouchable trail.</summary>
public sealed class BadReviewCaseTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task CaseMovesThroughVerifyRectifyReplyCloseInOrderRecordingWhoWhenWhat(StorageKind storage)
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(storage, clock: clock);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(ticket, "veryDissatisfied", ["推诿扯皮"]);
        var evaluator = await app.SignedInAsync("evaluator");
        var manager = await app.SignedInAsync("manager");
        var c = await evaluator.CaseOfAsync(ticket.Id);

        var early = await evaluator.StepAsync(c.Id, "close");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("case.wrongState", (await early.ProblemAsync()).Code);
        Assert.Equal(HttpStatusCode.BadRequest, (await evaluator.PostAsJsonAsync($"/api/rating-cases/{c.Id}/verify", new { note = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.StepAsync(c.Id, "verify")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await evaluator.StepAsync(c.Id, "verify", "调取录像，情况属实")).StatusCode);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await manager.StepAsync(c.Id, "rectify", "窗口人员已批评教育")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.StepAsync(c.Id, "reply", "已电话回访，群众认可")).StatusCode);
        var closed = await (await evaluator.StepAsync(c.Id, "close", "整改到位，办结")).ReadAsync<CaseDto>();

        Assert.Equal("closed", closed.State);
        Assert.True(closed.ClosedOnTime);
        Assert.Equal(["open", "verify", "rectify", "reply", "close"], closed.Steps.Select(s => s.Action));
        Assert.Equal(["system", "evaluator", "manager", "manager", "evaluator"], closed.Steps.Select(s => s.ActorId));
        Assert.Equal("窗口人员已批评教育", closed.Steps[2].Note);
        Assert.Equal(RatingCalls.Friday.AddHours(1), closed.Steps[2].At);
        Assert.Equal(HttpStatusCode.Conflict, (await evaluator.StepAsync(c.Id, "verify")).StatusCode);
    }

    [Fact]
    public async Task FollowUpRatingIsAllowedOnceAndOnlyAfterTheCaseClosed()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var good = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(good, "satisfied");
        var bad = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(bad, "dissatisfied");
        var evaluator = await app.SignedInAsync("evaluator");

        Task<HttpResponseMessage> FollowUp(TicketDto t, string level) =>
            citizen.PostAsJsonAsync($"/api/tickets/{t.Id}/rating/follow-up", new { token = t.Token, level });
        Assert.Equal(HttpStatusCode.Conflict, (await FollowUp(good, "verySatisfied")).StatusCode);
        var beforeClose = await FollowUp(bad, "satisfied");
        Assert.Equal("rating.followUpNotOpen", (await beforeClose.ProblemAsync()).Code);

        var c = await evaluator.CaseOfAsync(bad.Id);
        foreach (var step in new[] { "verify", "rectify", "reply", "close" }) (await evaluator.StepAsync(c.Id, step)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/tickets/{bad.Id}/rating/follow-up", new { token = bad.Token, level = "satisfied" })).StatusCode);
        var followUp = await FollowUp(bad, "satisfied");
        Assert.Equal(HttpStatusCode.Created, followUp.StatusCode);
        Assert.Equal(2, (await followUp.ReadAsync<RatingDto>()).Round);
        var again = await FollowUp(bad, "verySatisfied");
        Assert.Equal("rating.followUpAlready", (await again.ProblemAsync()).Code);

        // The follow-up replaces the first rating in the scores: the window now has two satisfied tickets and no 差评.
        var scores = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=window&period=day", ApiCalls.Json);
        var w7 = scores!.Rows.Single(r => r.Key == Demo.Window(7));
        Assert.Equal((2, 2, 0), (w7.Rated, w7.Satisfied, w7.Bad));
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task AppealedBadReviewIsExcludedFromScoresWithItsReasonKeptOrUpheld(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var malicious = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(malicious, "veryDissatisfied", comment: "就是不爽");
        var fair = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(fair, "dissatisfied");
        var evaluator = await app.SignedInAsync("evaluator");
        var manager = await app.SignedInAsync("manager");

        var c = await evaluator.CaseOfAsync(malicious.Id);
        (await manager.StepAsync(c.Id, "verify", "核实中")).EnsureSuccessStatusCode();
        (await manager.StepAsync(c.Id, "appeal", "办理全程录像，群众系恶意差评")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.StepAsync(c.Id, "exclude", "自己排除")).StatusCode);
        var excluded = await (await evaluator.StepAsync(c.Id, "exclude", "复核录像：恶意差评，不计入考核")).ReadAsync<CaseDto>();
        Assert.Equal("excluded", excluded.State);

        var ratings = await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json);
        var r = ratings!.Single(x => x.TicketId == malicious.Id);
        Assert.True(r.Excluded);
        Assert.Equal("复核录像：恶意差评，不计入考核", r.ExclusionReason);

        var other = await evaluator.CaseOfAsync(fair.Id);
        (await manager.StepAsync(other.Id, "appeal", "认为评价有误")).EnsureSuccessStatusCode();
        var upheld = await (await evaluator.StepAsync(other.Id, "uphold", "复核：评价属实，维持差评")).ReadAsync<CaseDto>();
        Assert.Equal("opened", upheld.State);

        var scores = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=hall&period=month", ApiCalls.Json);
        var hall = scores!.Rows.Single();
        Assert.Equal((1, 1, 1, 1), (hall.Rated, hall.Bad, hall.Excluded, hall.Cases));
    }

    [Theory]
    [InlineData("exclude")]
    [InlineData("uphold")]
    public async Task TheAccountThatAppealedCannotDecideTheReCheckOfItsOwnAppeal(string decision)
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(ticket, "veryDissatisfied", comment: "就是不爽");
        var evaluator = await app.SignedInAsync("evaluator");
        var c = await evaluator.CaseOfAsync(ticket.Id);
        (await evaluator.StepAsync(c.Id, "appeal", "认为系恶意差评")).EnsureSuccessStatusCode();

        // Refused as this account's, not as the case's state: another evaluator (here the admin) may decide it.
        var own = await evaluator.StepAsync(c.Id, decision, "自己复核");
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("case.ownAppeal", (await own.ProblemAsync()).Code);
        var after = await evaluator.CaseOfAsync(ticket.Id);
        Assert.Equal(("appealed", 2), (after.State, after.Steps.Count));
        var rating = (await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json))!.Single(r => r.TicketId == ticket.Id);
        Assert.False(rating.Excluded);

        var admin = await app.SignedInAsync("admin");
        (await admin.StepAsync(c.Id, decision, "复核录像")).EnsureSuccessStatusCode();
        Assert.Equal(decision == "exclude" ? "excluded" : "opened", (await evaluator.CaseOfAsync(ticket.Id)).State);
    }

    [Fact]
    public async Task CasesAreRemindedBeforeTheDeadlineAndEscalateYellowThenRedWhenOverdue()
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(clock: clock);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(ticket, "dissatisfied");
        var supervise = app.Services.GetRequiredService<BadReviewCases>();
        var evaluator = await app.SignedInAsync("evaluator");
        Assert.Equal(new DateOnly(2026, 12, 11), (await evaluator.CaseOfAsync(ticket.Id)).DeadlineDay);

        Assert.Equal(0, await supervise.SuperviseAsync());
        clock.Set(RatingCalls.Local(2026, 12, 9, 10)); // Wednesday: two working days left
        Assert.Equal(1, await supervise.SuperviseAsync());
        Assert.Equal(0, await supervise.SuperviseAsync());
        clock.Set(RatingCalls.Local(2026, 12, 14, 10)); // Monday after: overdue by one working day
        Assert.Equal(1, await supervise.SuperviseAsync());
        evaluator = await app.SignedInAsync("evaluator"); // sign-ins last 12 hours of the test's clock
        Assert.Equal("yellow", (await evaluator.CaseOfAsync(ticket.Id)).Escalation);
        clock.Set(RatingCalls.Local(2026, 12, 18, 10)); // overdue by five
        Assert.Equal(1, await supervise.SuperviseAsync());
        evaluator = await app.SignedInAsync("evaluator");
        var c = await evaluator.CaseOfAsync(ticket.Id);
        Assert.Equal("red", c.Escalation);
        Assert.Equal(["open", "remind", "escalateYellow", "escalateRed"], c.Steps.Select(s => s.Action));

        foreach (var step in new[] { "verify", "rectify", "reply", "close" }) (await evaluator.StepAsync(c.Id, step)).EnsureSuccessStatusCode();
        var closed = await evaluator.CaseOfAsync(ticket.Id);
        Assert.False(closed.ClosedOnTime);
        var scores = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=hall&period=month&date=2026-11-20", ApiCalls.Json);
        Assert.Equal((1.0, 0.0), (scores!.Rows.Single().RectificationRate, scores.Rows.Single().OnTimeRate));
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task AuditTrailCannotBeChangedNeitherThroughTheApiNorInTheDatabase(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        await app.Services.GetRequiredService<AppendOnlyTrail>().Installed.WaitAsync(TimeSpan.FromSeconds(30));
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(ticket, "dissatisfied");
        var evaluator = await app.SignedInAsync("evaluator");
        var c = await evaluator.CaseOfAsync(ticket.Id);
        (await evaluator.StepAsync(c.Id, "verify", "原始记录")).EnsureSuccessStatusCode();

        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            foreach (var path in new[] { $"/api/rating-cases/{c.Id}", $"/api/rating-cases/{c.Id}/steps/2", $"/api/rating-cases/{c.Id}/verify" })
            {
                var res = await evaluator.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(new { note = "改写" }) });
                Assert.True(res.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {path}: {(int)res.StatusCode}");
            }
        }

        var dbs = app.Services.GetRequiredService<IDbContextFactory<QueueDb>>();
        await using (var db = await dbs.CreateDbContextAsync())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE rating_case_steps SET \"Note\" = 'rewritten'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM rating_case_steps"));
        }
        var after = await evaluator.CaseOfAsync(ticket.Id);
        Assert.Equal(2, after.Steps.Count);
        Assert.Equal("原始记录", after.Steps[1].Note);
    }
}
