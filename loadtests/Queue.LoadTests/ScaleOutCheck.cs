using System.Net;
using System.Text.Json;

namespace Queue.LoadTests;

/// <summary>
/// Three silos of one Orleans cluster (membership in Redis) on one PostgreSQL behind nginx: a ticket issued
/// through the node nginx pins this client to is called through another node, and displays on both (and the
/// ticket's phone) hear the call; then that first node is killed and the others carry on, the clients
/// reconnecting through nginx and resynchronising, the dead node's halls answering on a surviving silo.
/// </summary>
public static class ScaleOutCheck
{
    public static async Task<ScaleOutReport> RunAsync(string serverDll, string? pg, string? redis, Action<string> log)
    {
        var steps = new List<string>();
        var failures = new List<string>();
        void Step(string s) { steps.Add(s); log(s); }
        await using var db = await TargetDatabase.CreateAsync("postgres", pg);
        var cluster = SiloCluster.NewId();
        var server = SiloCluster.Redis(redis);
        var a = new ServerNode(serverDll, SiloCluster.Join(db.Settings(), server, cluster));
        var b = new ServerNode(serverDll, SiloCluster.Join(db.Settings(), server, cluster));
        var c = new ServerNode(serverDll, SiloCluster.Join(db.Settings(), server, cluster));
        try
        {
            await a.StartAsync();
            await Task.WhenAll(b.StartAsync(), c.StartAsync());
            await using var nginx = await NginxFront.StartAsync([a.Port, b.Port, c.Port]);
            using var front = new QueueApi(nginx.Address);
            using var health = await front.SendAsync(HttpMethod.Get, "/health", null, null);
            var pinned = health.Headers.TryGetValues("X-QueueHall-Node", out var v) ? v.First() : "";
            var first = new[] { a, b, c }.FirstOrDefault(n => pinned.EndsWith($":{n.Port}", StringComparison.Ordinal)) ?? a;
            var second = first == a ? b : a;
            Step($"nginx on {nginx.Port} pins this client to node {first.Port}; calls go through node {second.Port}");

            var halls = await front.HallsAsync();
            var window = halls.Single(h => h.Id == "jc-civic").Windows.Single(w => w.Number == 1);
            var staffToken = await front.LoginAsync("staff01");
            await using var viaNginx = await HubSwarm.StartAsync(nginx.Address, "jc-civic:2", 1);
            await using var onSecond = await HubSwarm.StartAsync(second.Address, "jc-civic:1", 0);

            var ticket = await IssueAsync(front, window.ServiceIds[0], failures, first.Port);
            viaNginx.Watch(ticket.Id, ticket.Token);
            await Task.Delay(300);
            using var second1 = new QueueApi(second.Address);
            var sent = WallClock.NowMs();
            using (var call = await second1.SendAsync(HttpMethod.Post, QueueApi.WindowPath("jc-civic", window.Id, "call-next"), staffToken, "{}"))
            {
                var body = await call.Content.ReadAsStringAsync();
                if (call.StatusCode != HttpStatusCode.OK || !body.Contains(ticket.Id.ToString(), StringComparison.OrdinalIgnoreCase))
                    failures.Add($"call-next through node {second.Port} with a token from node {first.Port}: {(int)call.StatusCode} {body}");
            }
            Step($"ticket {ticket.Number} issued through nginx (node {first.Port}), called through node {second.Port} with the token nginx's node signed");
            var heard = await HeardAsync(viaNginx, ticket.Id, 2, 1, TimeSpan.FromSeconds(10));
            var heardDirect = await HeardAsync(onSecond, ticket.Id, 1, 0, TimeSpan.FromSeconds(10));
            if (heard is null) failures.Add("the displays and phone behind nginx (first node) did not hear the call made on the second node");
            else Step($"displays and phone on node {first.Port} heard TicketCalled {heard.Value - sent:0} ms after the request to node {second.Port}");
            if (heardDirect is null) failures.Add("the display on the second node did not hear the call");
            // Once more, now that both nodes have the hall loaded: the steady-state cross-node delay.
            var window2 = halls.Single(h => h.Id == "jc-civic").Windows.Single(w => w.Number == 2);
            var staff2 = await second1.LoginAsync("staff02");
            var again = await IssueAsync(front, window2.ServiceIds[0], failures, first.Port);
            var sent3 = WallClock.NowMs();
            using (var other = await second1.SendAsync(HttpMethod.Post, QueueApi.WindowPath("jc-civic", window2.Id, "call-next"), staff2, "{}")) { }
            var heard3 = await HeardAsync(viaNginx, again.Id, 2, 0, TimeSpan.FromSeconds(10));
            if (heard3 is not null) Step($"a second cross-node call was heard on node {first.Port} {heard3.Value - sent3:0} ms after the request");

            // Timed before the kill: its clients can lose their connection before Kill9 returns.
            var killed = WallClock.NowMs();
            first.Kill9();
            Step($"node {first.Port} killed (SIGKILL)");
            var status = await viaNginx.WaitAllResyncedAsync(killed, TimeSpan.FromSeconds(30));
            if (status.Resynced != status.Total) failures.Add($"only {status.Resynced} of {status.Total} clients behind nginx resynchronised after the node died");
            else Step($"all {status.Total} clients behind nginx reconnected through nginx and resynchronised in {WallClock.NowMs() - killed:0} ms");

            var after = await IssueAsync(front, window.ServiceIds[0], failures, null);
            Step($"the hall answered a new ticket {WallClock.NowMs() - killed:0} ms after the kill");
            foreach (var (action, json) in new[] { ("start", "{}"), ("complete", """{"outcome":"done"}""") })
            {
                using var res = await front.SendAsync(HttpMethod.Post, QueueApi.WindowPath("jc-civic", window.Id, action), staffToken, json);
                if (res.StatusCode != HttpStatusCode.OK) failures.Add($"{action} of {ticket.Number} through nginx after the node died: {(int)res.StatusCode}");
            }
            var sent2 = WallClock.NowMs();
            using (var call = await front.SendAsync(HttpMethod.Post, QueueApi.WindowPath("jc-civic", window.Id, "call-next"), staffToken, "{}"))
            {
                if (call.StatusCode != HttpStatusCode.OK) failures.Add($"call-next through nginx after the node died: {(int)call.StatusCode}");
            }
            var heard2 = await HeardAsync(viaNginx, after.Id, 2, 0, TimeSpan.FromSeconds(10));
            if (heard2 is null) failures.Add("after the node died, the displays behind nginx did not hear the next call");
            else Step($"ticket {after.Number} issued and called through nginx after the failover; displays heard it {heard2.Value - sent2:0} ms after the request");
            return new ScaleOutReport(a.Port, b.Port, c.Port, nginx.Port, steps, failures);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            await c.DisposeAsync();
        }
    }

    private static async Task<IssuedRecord> IssueAsync(QueueApi front, string serviceId, List<string> failures, int? expectedNode)
    {
        using var res = await front.IssueAsync("jc-civic", serviceId, "mobile");
        var body = await res.Content.ReadAsStringAsync();
        if (res.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"issue through nginx: {(int)res.StatusCode} {body}");
        var node = res.Headers.TryGetValues("X-QueueHall-Node", out var v) ? v.First() : "";
        if (expectedNode is not null && !node.EndsWith($":{expectedNode}", StringComparison.Ordinal)) failures.Add($"nginx sent the ticket to {node}, expected node {expectedNode}");
        using var doc = JsonDocument.Parse(body);
        var r = doc.RootElement;
        var issued = new IssuedRecord(r.GetProperty("id").GetGuid(), "jc-civic", r.GetProperty("number").GetString()!, r.GetProperty("token").GetString()!);
        using var arrived = await front.ArriveAsync("jc-civic", issued.Id, issued.Token);
        if (!arrived.IsSuccessStatusCode) throw new InvalidOperationException($"check-in through nginx: {(int)arrived.StatusCode} {await arrived.Content.ReadAsStringAsync()}");
        return issued;
    }

    /// <summary>When the last of the expected displays and phones received TicketCalled for the ticket; null if they did not in time.</summary>
    private static async Task<double?> HeardAsync(HubSwarm swarm, Guid ticket, int displays, int phones, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var report = await swarm.ReportAsync();
            if (report.GetProperty("called").TryGetProperty(ticket.ToString(), out var c))
            {
                var d = c.GetProperty("d").EnumerateArray().Select(x => x.GetDouble()).ToList();
                var p = c.GetProperty("p").EnumerateArray().Select(x => x.GetDouble()).ToList();
                if (d.Count >= displays && p.Count >= phones) return d.Concat(p).Max();
            }
            await Task.Delay(100);
        }
        return null;
    }
}

public sealed record ScaleOutReport(int NodeA, int NodeB, int NodeC, int Nginx, List<string> Steps, List<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
