using System.Net;

namespace Queue.LoadTests;

/// <summary>
/// Runs the server as a real process under load, kills it with SIGKILL at random moments and restarts it,
/// then checks that everything the clients saw acknowledged survived exactly once: tickets (with their
/// numbers, unique per hall, prefix and day), calls (each ticket at one window only, in the tickets table
/// and the hall_events journal), completions and ratings; that the journal has no gap; and that every hub
/// client reconnected and resynchronised after every restart. With <c>Nodes</c> above one, a cluster of silos
/// (membership in Redis) behind nginx: the load is spread over the nodes, each kill takes a random node, and
/// the time until every hall answers a command again (on a surviving silo) is reported per kill.
/// </summary>
public static class CrashCheck
{
    public static async Task<CrashReport> RunAsync(CrashOptions o, Action<string> log)
    {
        var failures = new List<string>();
        var resyncs = new List<string>();
        var answeredAgain = new List<double>();
        var diedByThemselves = new List<string>();
        await using var db = await TargetDatabase.CreateAsync(o.Storage, o.Pg);
        var cluster = SiloCluster.NewId();
        var nodes = Enumerable.Range(0, Math.Max(1, o.Nodes))
            .Select(_ => new ServerNode(o.ServerDll, o.Nodes > 1 ? SiloCluster.Join(db.Settings(), SiloCluster.Redis(o.Redis), cluster) : db.Settings()))
            .ToList();
        var server = nodes[0];
        NginxFront? nginx = null;
        try
        {
            await server.StartAsync();
            await Task.WhenAll(nodes.Skip(1).Select(n => n.StartAsync()));
            if (nodes.Count > 1) nginx = await NginxFront.StartAsync(nodes.Select(n => n.Port));
            var front = nginx?.Address ?? server.Address;
            using var api = new QueueApi(front, spread: nodes.Select(n => n.Address).ToList());
            var (halls, tokens) = await SetUp.PrepareAsync(api);
            await using var swarm = await HubSwarm.StartAsync(front, o.Displays, o.Phones);
            var ledger = new Ledger();
            var day = new HallDay(api, halls, tokens, new HallDayOptions { TicketsPerSecond = o.Rate, WindowCallsPerMinute = o.WindowPace, WatchShare = 0.5, Seed = o.Seed },
                swarm, ledger);
            using var stop = new CancellationTokenSource();
            var running = day.RunAsync(TimeSpan.FromHours(1), stop.Token);
            var rng = new Random(o.Seed);
            for (var k = 1; k <= o.Kills; k++)
            {
                await Task.Delay(TimeSpan.FromSeconds(o.MinUpSeconds + rng.NextDouble() * (o.MaxUpSeconds - o.MinUpSeconds)));
                await RestartTheSelfDeadAsync(nodes, diedByThemselves, log);
                var victim = nodes[rng.Next(nodes.Count)];
                // Timed before the kill: its clients can lose their connection before Kill9 returns.
                var killedAt = WallClock.NowMs();
                victim.Kill9();
                var again = "";
                if (nodes.Count > 1)
                {
                    // The dead silo's halls move to a surviving one: how long until every hall takes a command again.
                    var ms = await AnsweringAgainAsync(api, halls, killedAt, failures);
                    answeredAgain.Add(ms);
                    again = $"; every hall answered again {ms:0} ms after the kill";
                }
                else await Task.Delay(TimeSpan.FromMilliseconds(rng.Next(50, 500)));
                // A silo joining a cluster under load takes longer than a lone node to answer its first request.
                var restartAt = WallClock.NowMs();
                await victim.StartAsync(nodes.Count > 1 ? TimeSpan.FromSeconds(180) : null);
                again += $"; restarted in {WallClock.NowMs() - restartAt:0} ms";
                // A lone node's clients all lose it. Through nginx (ip_hash) the clients sit on one node and reconnect only
                // when theirs dies; a client on a node that lives stays as it is. Every client must be connected and
                // current, each one that lost its connection since the kill resynchronised again.
                var status = nginx is null
                    ? await swarm.WaitAllResyncedAsync(killedAt, TimeSpan.FromSeconds(45))
                    : await swarm.WaitCurrentAsync(killedAt, TimeSpan.FromSeconds(45));
                var hub = status.Lost == 0
                    ? $"hub clients on another node, {status.Up}/{status.Total} connected"
                    : $"{status.Lost} hub clients reconnected, {status.Resynced} of them resynchronised, {status.Up}/{status.Total} connected and current";
                var line = $"kill {k} (node {victim.Port}): {ledger.Issued.Count} tickets acknowledged so far{again}; {hub}";
                resyncs.Add(line);
                log(line);
                if (status.Up != status.Total)
                    failures.Add($"after kill {k}: {hub}; not current: {string.Join("; ", status.Stuck)}");
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
            stop.Cancel();
            await running;
            await RestartTheSelfDeadAsync(nodes, diedByThemselves, log);

            // A rating acknowledged before a crash must still be there: rating the ticket again is refused.
            foreach (var (id, _) in ledger.Rated.Take(200))
            {
                var t = ledger.Issued[id];
                var status = await ReplayRatingAsync(api, id, t.Token);
                if (status != HttpStatusCode.Conflict) failures.Add($"rating of {t.Number} ({id}) acknowledged but a second one got {(int?)status}");
            }
            foreach (var n in nodes) n.Kill9();
            await VerifyAsync(new JournalReader(db), ledger, failures);
            var report = new CrashReport(o.Storage, o.Kills, ledger.Issued.Count, ledger.Calls.Count, ledger.Completed.Count, ledger.Rated.Count,
                day.RatingsAvailable, swarm.Total, resyncs, failures)
            {
                Nodes = nodes.Count,
                DiedByThemselves = diedByThemselves,
                AnsweredAgainMs = answeredAgain,
                AnsweredAgainP95Ms = answeredAgain.Count == 0 ? null : answeredAgain.Order().ElementAt((int)Math.Ceiling(answeredAgain.Count * 0.95) - 1),
            };
            return report;
        }
        finally
        {
            if (nginx is not null) await nginx.DisposeAsync();
            foreach (var n in nodes) await n.DisposeAsync();
        }
    }

    /// <summary>
    /// A node its cluster wrongly declared dead (a starved silo misses its probes) stops itself, as Orleans does; a
    /// real deployment's supervisor starts it again, and so does the checker. Each is reported, never hidden.
    /// </summary>
    private static async Task RestartTheSelfDeadAsync(List<ServerNode> nodes, List<string> died, Action<string> log)
    {
        foreach (var n in nodes.Where(n => n.DiedByItself))
        {
            var last = n.Output.LastOrDefault(l => l.Contains("I have been told I am dead", StringComparison.Ordinal))
                ?? n.Output.LastOrDefault() ?? "";
            var line = $"node {n.Port} died by itself: {last.Trim()[..Math.Min(160, last.Trim().Length)]}";
            died.Add(line);
            log(line);
            n.Kill9();
            await n.StartAsync(TimeSpan.FromSeconds(180));
        }
    }

    /// <summary>Rates a rated ticket again; a lost connection (a node dying meanwhile) is no answer, so it is asked again.</summary>
    private static async Task<HttpStatusCode?> ReplayRatingAsync(QueueApi api, Guid id, string token)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var res = await api.SendAsync(HttpMethod.Post, $"/api/tickets/{id}/rating", null,
                    $$"""{"token":"{{token}}","level":"satisfied","tags":[],"comment":"replay"}""");
                if (res.StatusCode != HttpStatusCode.ServiceUnavailable || attempt >= 20) return res.StatusCode;
            }
            catch (HttpRequestException) when (attempt < 20) { }
            await Task.Delay(500);
        }
    }

    /// <summary>Issues a ticket in every hall (through the surviving nodes) until each is taken; answers the milliseconds since the kill.</summary>
    private static async Task<double> AnsweringAgainAsync(QueueApi api, IReadOnlyList<HallPlan> halls, double killedAt, List<string> failures)
    {
        var until = killedAt + 60_000;
        foreach (var hall in halls)
        {
            var service = hall.ServiceIds[0];
            while (true)
            {
                try
                {
                    using var res = await api.IssueAsync(hall.Id, service, "kiosk");
                    if (res.IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                if (WallClock.NowMs() > until)
                {
                    failures.Add($"hall {hall.Id} did not answer within 60 s of a kill");
                    break;
                }
                await Task.Delay(50);
            }
        }
        return WallClock.NowMs() - killedAt;
    }

    public static async Task VerifyAsync(JournalReader reader, Ledger ledger, List<string> failures)
    {
        var tickets = (await reader.TicketsAsync()).ToDictionary(t => t.Id);
        var events = await reader.EventsAsync();
        var seqs = await reader.HallSeqsAsync();

        foreach (var issued in ledger.Issued.Values)
        {
            if (!tickets.TryGetValue(issued.Id, out var t)) failures.Add($"ticket {issued.Number} ({issued.Id}) was acknowledged but is lost");
            else if (t.Number != issued.Number || t.HallId != issued.HallId) failures.Add($"ticket {issued.Id} was acknowledged as {issued.Number} but is stored as {t.Number}");
        }
        foreach (var dup in tickets.Values.GroupBy(t => (t.HallId, t.BusinessDay, t.Number)).Where(g => g.Count() > 1))
            failures.Add($"number {dup.Key.Number} issued {dup.Count()} times in {dup.Key.HallId} on {dup.Key.BusinessDay}");
        foreach (var dup in ledger.Issued.Values.GroupBy(t => (t.HallId, t.Number)).Where(g => g.Count() > 1))
            failures.Add($"clients were handed number {dup.Key.Number} of {dup.Key.HallId} {dup.Count()} times");

        var calledAt = events.Where(e => e.Type == "TicketCalled" && !e.IsRecall && e.Ticket is not null)
            .GroupBy(e => e.Ticket!.Value).ToDictionary(g => g.Key, g => g.Select(e => e.WindowId).ToList());
        foreach (var (ticket, windows) in calledAt.Where(kv => kv.Value.Count > 1))
            failures.Add($"ticket {ticket} was called {windows.Count} times, at {string.Join(", ", windows)}");
        foreach (var call in ledger.Calls)
        {
            if (!calledAt.TryGetValue(call.TicketId, out var windows) || !windows.Contains(call.WindowId))
                failures.Add($"call of {call.TicketId} at {call.WindowId} was acknowledged but is not in the journal");
            if (!tickets.TryGetValue(call.TicketId, out var t) || !t.Called || t.WindowId != call.WindowId)
                failures.Add($"call of {call.TicketId} at {call.WindowId} was acknowledged but the ticket does not show it");
        }
        foreach (var (id, _) in ledger.Completed)
        {
            if (!tickets.TryGetValue(id, out var t) || t.Status != "Done") failures.Add($"completion of {id} was acknowledged but the ticket is {t?.Status ?? "missing"}");
        }
        foreach (var hall in events.GroupBy(e => e.HallId))
        {
            var list = hall.Select(e => e.Seq).ToList();
            for (var i = 0; i < list.Count; i++)
                if (list[i] != i + 1) { failures.Add($"hall {hall.Key}: the journal jumps from {(i == 0 ? 0 : list[i - 1])} to {list[i]}"); break; }
            if (seqs.GetValueOrDefault(hall.Key) != list[^1]) failures.Add($"hall {hall.Key}: seq {seqs.GetValueOrDefault(hall.Key)} but the journal ends at {list[^1]}");
        }
    }
}

public sealed record CrashOptions(string Storage, string? Pg, string ServerDll, int Kills = 20, double Rate = 100, double WindowPace = 120,
    string Displays = "jc-civic:10,jc-donghu:3,jc-qingshan:2", int Phones = 50, double MinUpSeconds = 1, double MaxUpSeconds = 4, int Seed = 7,
    int Nodes = 1, string? Redis = null);

public sealed record CrashReport(string Storage, int Kills, int TicketsAcknowledged, int CallsAcknowledged, int CompletionsAcknowledged,
    int RatingsAcknowledged, bool RatingsAvailable, int HubClients, List<string> Restarts, List<string> Failures)
{
    public int Nodes { get; init; } = 1;

    /// <summary>Per kill of a cluster node: milliseconds until every hall answered a command again.</summary>
    public List<double> AnsweredAgainMs { get; init; } = [];
    public double? AnsweredAgainP95Ms { get; init; }

    /// <summary>Nodes that stopped without a kill of ours (declared dead by their cluster while starved), restarted by the checker.</summary>
    public List<string> DiedByThemselves { get; init; } = [];

    public bool Passed => Failures.Count == 0;
}
