using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>Ratings across nodes (PostgreSQL) and across a crash: once everywhere, never lost once acknowledged.</summary>
public sealed class RatingNodeTests
{
    [Fact]
    public async Task PadOnOneNodeIsInvitedForATicketCompletedOnAnotherAndEachTicketCountsOnceAcrossNodes()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        var cluster = Queue.LoadTests.SiloCluster.NewId();
        await using var nodeA = await ServerProcess.StartAsync(db.Settings().Concat(TestEnvironment.ClusterNode(cluster)));
        await using var nodeB = await ServerProcess.StartAsync(db.Settings().Concat(TestEnvironment.ClusterNode(cluster)).Append(new("Demo:Seed", "false")));
        await Task.WhenAll(nodeA.WaitServingAsync(), nodeB.WaitServingAsync());
        var a = new HttpClient { BaseAddress = nodeA.Address };
        var b = new HttpClient { BaseAddress = nodeB.Address };
        var managerA = await SignedInAsync(nodeA, "manager");
        var key = (await (await managerA.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/pad", null)).Content.ReadFromJsonAsync<Pairing>())!.PadKey;
        await using var padOnB = await PadProbe.StartAsync(nodeB.Address, $"pad:{Demo.City}:{Demo.Window(7)}:{key}");
        Assert.True(padOnB.Joined);

        var staffA = await SignedInAsync(nodeA, "staff07");
        var ticket = await staffA.ServeAsync(a, 7);
        var invited = await padOnB.WaitForAsync(j => j.GetProperty("kind").GetString() == "event" && j.GetProperty("name").GetString() == "RatingInvited" &&
            j.GetProperty("args")[0].GetProperty("ticketId").GetString() == ticket.Id.ToString(), TimeSpan.FromSeconds(10));
        var invitation = invited.GetProperty("args")[0].GetProperty("invitation").GetString();

        // Issued by node B, accepted by node A (shared keys); then node B refuses the holder's second rating.
        Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync($"/api/tickets/{ticket.Id}/rating", new { invitation, level = "satisfied" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await b.RateAsync(ticket, "verySatisfied")).StatusCode);

        // Racing the same ticket on both nodes: exactly one wins.
        var raced = await staffA.ServeAsync(a, 7);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).RateAsync(raced, "satisfied")));
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Created);
    }

    [Fact]
    public async Task AcknowledgedRatingAndCaseStepSurviveKillNine()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        var port = ServerProcess.FreePort();
        TicketDto ticket;
        Guid caseId;
        await using (var node = await ServerProcess.StartAsync(db.Settings(), port))
        {
            var citizen = new HttpClient { BaseAddress = node.Address };
            var staff = await SignedInAsync(node, "staff07");
            ticket = await staff.ServeAsync(citizen, 7);
            await citizen.RatedAsync(ticket, "veryDissatisfied", comment: "态度差");
            var evaluator = await SignedInAsync(node, "evaluator");
            caseId = (await evaluator.CaseOfAsync(ticket.Id)).Id;
            (await evaluator.StepAsync(caseId, "verify", "已核实")).EnsureSuccessStatusCode();
            node.Kill9();
        }
        await using var again = await ServerProcess.StartAsync(db.Settings(), port);
        var after = await SignedInAsync(again, "evaluator");
        var c = await after.CaseOfAsync(ticket.Id);
        Assert.Equal((caseId, "verified"), (c.Id, c.State));
        Assert.Equal(["open", "verify"], c.Steps.Select(s => s.Action));
        Assert.Equal(HttpStatusCode.Conflict, (await new HttpClient { BaseAddress = again.Address }.RateAsync(ticket, "satisfied")).StatusCode);
    }

    private static async Task<HttpClient> SignedInAsync(ServerProcess node, string user)
    {
        var client = new HttpClient { BaseAddress = node.Address };
        var res = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = "demo123" });
        res.EnsureSuccessStatusCode();
        var token = (await res.Content.ReadFromJsonAsync<Login>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record Pairing(string PadKey);

    private sealed record Login(string AccessToken);
}
