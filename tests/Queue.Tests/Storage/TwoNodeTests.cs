using Queue.Tests.Infrastructure;

namespace Queue.Tests.Storage;

/// <summary>Two silos of one cluster (membership in Redis) on one PostgreSQL database, as in a scale-out deployment.</summary>
[Collection("Resilience")]
public sealed class TwoNodeTests
{
    [Fact]
    public async Task ACallMadeThroughOneNodeReachesAHubClientOfTheOther()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        var cluster = Queue.LoadTests.SiloCluster.NewId();
        await using var a = await ServerProcess.StartAsync(db.Settings().Concat(TestEnvironment.ClusterNode(cluster)));
        await using var b = await ServerProcess.StartAsync(db.Settings().Concat(TestEnvironment.ClusterNode(cluster)));
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());
        using var viaA = new HttpClient { BaseAddress = a.Address };
        using var viaB = new HttpClient { BaseAddress = b.Address };

        var ticket = await viaA.IssueAsync(Demo.Invoice);
        await using var displayOnA = await HubProbe.StartAsync(a.Address, $"join:{Demo.City}", $"watch:{ticket.Id}:{ticket.Token}");

        // Tokens are protected with keys shared through the database: node B accepts a login from node A.
        var staff = await viaA.SignInAsync("staff14");
        viaB.DefaultRequestHeaders.Authorization = new("Bearer", staff);
        var called = await (await viaB.WindowAsync(14, "call-next")).ReadAsync<TicketDto>();
        Assert.Equal(ticket.Id, called.Id);

        await displayOnA.WaitForEventAsync("TicketCalled", m => m.GetProperty("ticketId").GetString() == ticket.Id.ToString(), TimeSpan.FromSeconds(5));
        await displayOnA.WaitForEventAsync("TicketUpdated", m => m.GetProperty("ticket").GetProperty("status").GetString() == "called", TimeSpan.FromSeconds(5));
        var onA = await viaA.GetStringAsync($"/api/halls/{Demo.City}/board");
        Assert.Contains(ticket.Number, onA);
    }

    [Fact]
    public async Task EveryNodesDisplaysAndPhonesHearACallExactlyOnceThroughTheBackplane()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        var cluster = Queue.LoadTests.SiloCluster.NewId();
        await using var a = await ServerProcess.StartAsync(db.Settings().Concat(TestEnvironment.ClusterNode(cluster)));
        await using var b = await ServerProcess.StartAsync(db.Settings().Concat(TestEnvironment.ClusterNode(cluster)));
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());
        using var viaA = new HttpClient { BaseAddress = a.Address };
        using var viaB = new HttpClient { BaseAddress = b.Address };

        var tickets = new List<TicketDto>();
        for (var i = 0; i < 3; i++) tickets.Add(await (i % 2 == 0 ? viaA : viaB).IssueAsync(Demo.Invoice));
        var watch = tickets.Select(t => $"watch:{t.Id}:{t.Token}").ToArray();
        await using var onA = await HubProbe.StartAsync(a.Address, [$"join:{Demo.City}", .. watch]);
        await using var onB = await HubProbe.StartAsync(b.Address, [$"join:{Demo.City}", .. watch]);

        var staff = await viaA.SignInAsync("staff14");
        viaA.DefaultRequestHeaders.Authorization = viaB.DefaultRequestHeaders.Authorization = new("Bearer", staff);
        // Calls through both nodes: wherever the hall grain lives, one node pushes and Redis carries it to the other.
        var called = new List<TicketDto>();
        for (var i = 0; i < 3; i++)
        {
            var via = i % 2 == 0 ? viaB : viaA;
            if (i > 0) (await via.WindowAsync(14, "no-show")).EnsureSuccessStatusCode();
            called.Add(await (await via.WindowAsync(14, "call-next")).ReadAsync<TicketDto>());
        }
        Assert.Equal(tickets.Select(t => t.Id), called.Select(t => t.Id));
        foreach (var probe in new[] { onA, onB })
            foreach (var t in called)
                await probe.WaitForEventAsync("TicketCalled", m => m.GetProperty("ticketId").GetString() == t.Id.ToString(), TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate from a second pushing node would have come by now
        foreach (var probe in new[] { onA, onB })
        {
            var calls = probe.Seen.Where(j => j.GetProperty("kind").GetString() == "event" && j.GetProperty("name").GetString() == "TicketCalled")
                .Select(j => j.GetProperty("args")[0].GetProperty("ticketId").GetString()).ToList();
            // Each call reaches the display (hall group) and the phone watching it (ticket group): twice per ticket, never more.
            foreach (var t in called) Assert.Equal(2, calls.Count(id => id == t.Id.ToString()));
            Assert.Contains(probe.Seen, j => j.GetProperty("kind").GetString() == "event" && j.GetProperty("name").GetString() == "TicketUpdated"
                && j.GetProperty("args")[0].GetProperty("ticket").GetProperty("status").GetString() == "noShow");
        }
    }

    [Fact]
    public async Task WindowsOnBothNodesCallingAtOnceNeverShareATicket()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        var cluster = Queue.LoadTests.SiloCluster.NewId();
        await using var a = await ServerProcess.StartAsync(db.Settings().Concat(TestEnvironment.ClusterNode(cluster)));
        await using var b = await ServerProcess.StartAsync(db.Settings().Concat(TestEnvironment.ClusterNode(cluster)));
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());
        using var viaA = new HttpClient { BaseAddress = a.Address };
        using var viaB = new HttpClient { BaseAddress = b.Address };
        var token = await viaA.SignInAsync("manager");
        viaA.DefaultRequestHeaders.Authorization = new("Bearer", token);
        viaB.DefaultRequestHeaders.Authorization = new("Bearer", token);

        // Sent as kiosks and terminals of a cluster send them (keyed, retried on 503): the cluster has only just formed.
        var issued = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => (i % 2 == 0 ? viaA : viaB).IssueRetryingAsync(i % 3 == 0 ? Demo.Invoice : Demo.SocialInsurance)));
        Assert.Equal(60, issued.Select(t => t.Number).Distinct().Count());

        // Comprehensive windows 1–4 serve everything; odd ones call through A, even ones through B.
        var perWindow = await Task.WhenAll(Enumerable.Range(1, 4).Select(w => (w % 2 == 1 ? viaA : viaB).ServeUntilEmptyAsync(w, asTerminal: true)));
        var calls = perWindow.SelectMany(c => c).ToList();
        Assert.Equal(calls.Count, calls.Distinct().Count());
        Assert.Equal(issued.Select(t => t.Id).Order(), calls.Order());
    }
}
