using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Queue.LoadTests;

/// <summary>
/// A hall day compressed: tickets issued at the door (kiosk) and by phone at a fixed rate, open-loop
/// (latency counted from when each request was due, so a slow server cannot hide its queue); every
/// window's staff calling, starting, completing and having the citizen rate, at a fixed pace; phones
/// watching a share of the mobile tickets through the hub swarm.
/// </summary>
public sealed class HallDay(QueueApi api, IReadOnlyList<HallPlan> halls, IReadOnlyDictionary<string, string> windowTokens, HallDayOptions options,
    HubSwarm? swarm, Ledger ledger)
{
    private readonly ConcurrentDictionary<string, OperationStats> stats = new();
    private volatile bool ratingsAvailable = options.Ratings;
    private long inFlight;

    public IReadOnlyDictionary<string, OperationStats> Stats => stats;
    public bool RatingsAvailable => ratingsAvailable;
    public long MaxInFlight { get; private set; }

    public async Task RunAsync(TimeSpan duration, CancellationToken stop)
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(stop);
        end.CancelAfter(duration);
        var windows = halls.SelectMany(h => h.Windows).Where(w => windowTokens.ContainsKey(w.Id)).Select(w => WindowLoopAsync(w, end.Token)).ToList();
        await IssueLoopAsync(end.Token);
        await Task.WhenAll(windows);
        // Let requests still in flight finish, so every answer is counted.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (Interlocked.Read(ref inFlight) > 0 && DateTime.UtcNow < until) await Task.Delay(20);
    }

    private OperationStats Op(string name) => stats.GetOrAdd(name, _ => new OperationStats());

    private async Task IssueLoopAsync(CancellationToken stop)
    {
        if (options.TicketsPerSecond <= 0) { await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default); return; }
        var clock = Stopwatch.StartNew();
        var rng = new Random(options.Seed);
        long sent = 0;
        var weights = halls.Select(h => (double)Math.Max(1, h.Windows.Count)).ToArray();
        var total = weights.Sum();
        while (!stop.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * options.TicketsPerSecond);
            while (sent < due)
            {
                var intended = sent / options.TicketsPerSecond;
                sent++;
                var pick = rng.NextDouble() * total;
                var hall = halls[^1];
                for (var i = 0; i < halls.Count; i++) { if ((pick -= weights[i]) < 0) { hall = halls[i]; break; } }
                if (hall.ServiceIds.Count == 0) continue;
                var service = hall.ServiceIds[rng.Next(hall.ServiceIds.Count)];
                var mobile = rng.NextDouble() < options.MobileShare;
                var watch = mobile && swarm is not null && rng.NextDouble() < options.WatchShare;
                _ = IssueOneAsync(hall.Id, service, mobile ? "mobile" : "kiosk", watch, clock, intended);
            }
            try { await Task.Delay(2, stop); } catch (OperationCanceledException) { break; }
        }
    }

    private async Task IssueOneAsync(string hallId, string serviceId, string channel, bool watch, Stopwatch clock, double intendedSeconds)
    {
        var op = Op(channel == "mobile" ? "issue (phone)" : "issue (kiosk)");
        var n = Interlocked.Increment(ref inFlight);
        if (n > MaxInFlight) MaxInFlight = n;
        try
        {
            using var res = await api.IssueAsync(hallId, serviceId, channel);
            var body = await res.Content.ReadAsStringAsync();
            if (res.StatusCode != HttpStatusCode.Created) { op.Error(((int)res.StatusCode).ToString()); return; }
            op.Ok((clock.Elapsed.TotalSeconds - intendedSeconds) * 1000);
            using var doc = JsonDocument.Parse(body);
            var r = doc.RootElement;
            var record = new IssuedRecord(r.GetProperty("id").GetGuid(), hallId, r.GetProperty("number").GetString()!, r.GetProperty("token").GetString()!);
            ledger.Issued[record.Id] = record;
            if (channel == "mobile")
            {
                // The phone's holder walks in and scans the wall's presence code, so the ticket can be called.
                var arrive = Op("arrive (phone)");
                var started = clock.Elapsed.TotalMilliseconds;
                using var arrived = await api.ArriveAsync(hallId, record.Id, record.Token);
                if (arrived.IsSuccessStatusCode) arrive.Ok(clock.Elapsed.TotalMilliseconds - started);
                else arrive.Error(((int)arrived.StatusCode).ToString());
            }
            if (watch)
            {
                ledger.Watched[record.Id] = 0;
                swarm!.Watch(record.Id, record.Token);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException) { op.Error("network"); }
        finally { Interlocked.Decrement(ref inFlight); }
    }

    /// <summary>One window's staff: call, start, complete, the citizen rates; then wait for the next turn of the pace.</summary>
    private async Task WindowLoopAsync(WindowPlan window, CancellationToken stop)
    {
        var token = windowTokens[window.Id];
        var interval = options.WindowCallsPerMinute > 0 ? TimeSpan.FromMinutes(1 / options.WindowCallsPerMinute) : TimeSpan.FromSeconds(1);
        var rng = new Random(window.Id.GetHashCode());
        try { await Task.Delay(TimeSpan.FromMilliseconds(rng.NextDouble() * interval.TotalMilliseconds), stop); } catch (OperationCanceledException) { return; }
        while (!stop.IsCancellationRequested)
        {
            var turn = Stopwatch.StartNew();
            try { await ServeOneAsync(window, token); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException) { await Task.Delay(200, CancellationToken.None); }
            var left = interval - turn.Elapsed;
            if (left > TimeSpan.Zero)
            {
                try { await Task.Delay(left, stop); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task ServeOneAsync(WindowPlan window, string token)
    {
        var sent = WallClock.NowMs();
        var (status, body, ms) = await TimedAsync("call-next", HttpMethod.Post, QueueApi.WindowPath(window.HallId, window.Id, "call-next"), token, "{}",
            HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.Conflict);
        Guid ticketId;
        if (status == HttpStatusCode.OK)
        {
            var answered = WallClock.NowMs();
            using var doc = JsonDocument.Parse(body);
            ticketId = doc.RootElement.GetProperty("id").GetGuid();
            ledger.Calls.Add(new CallRecord(window.HallId, window.Id, ticketId, sent, answered));
        }
        else if (status == HttpStatusCode.Conflict)
        {
            // After a crash the window may still hold the ticket whose completion was never answered: finish it.
            await FinishCurrentAsync(window, token);
            return;
        }
        else return;
        var (started, _, _) = await TimedAsync("start", HttpMethod.Post, QueueApi.WindowPath(window.HallId, window.Id, "start"), token, "{}", HttpStatusCode.OK);
        if (started != HttpStatusCode.OK) return;
        var (done, _, _) = await TimedAsync("complete", HttpMethod.Post, QueueApi.WindowPath(window.HallId, window.Id, "complete"), token, """{"outcome":"done"}""", HttpStatusCode.OK);
        if (done != HttpStatusCode.OK) return;
        ledger.Completed[ticketId] = window.Id;
        _ = ms;
        if (ratingsAvailable && ledger.Issued.TryGetValue(ticketId, out var issued)) await RateAsync(issued);
    }

    private async Task FinishCurrentAsync(WindowPlan window, string token)
    {
        foreach (var action in new[] { "complete", "start", "complete" })
        {
            var (status, _, _) = await TimedAsync(action, HttpMethod.Post, QueueApi.WindowPath(window.HallId, window.Id, action), token,
                action == "complete" ? """{"outcome":"done"}""" : "{}", HttpStatusCode.OK, HttpStatusCode.Conflict);
            if (status == HttpStatusCode.OK && action == "complete") return;
        }
    }

    private async Task RateAsync(IssuedRecord ticket)
    {
        var level = new[] { "verySatisfied", "satisfied", "basicallySatisfied", "dissatisfied" }[Math.Abs(ticket.Id.GetHashCode()) % 4];
        var body = $$"""{"token":"{{ticket.Token}}","level":"{{level}}","tags":[],"comment":"load"}""";
        var clock = Stopwatch.StartNew();
        using var res = await api.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket.Id}/rating", null, body);
        if (res.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            // The rating endpoint belongs to another feature; without it the day simply has no ratings.
            ratingsAvailable = false;
            return;
        }
        if (res.StatusCode == HttpStatusCode.Created)
        {
            Op("rating").Ok(clock.Elapsed.TotalMilliseconds);
            ledger.Rated[ticket.Id] = level;
        }
        else Op("rating").Error(((int)res.StatusCode).ToString());
    }

    private async Task<(HttpStatusCode Status, string Body, double Ms)> TimedAsync(string name, HttpMethod method, string path, string token, string? json,
        params HttpStatusCode[] expected)
    {
        var op = Op(name);
        var clock = Stopwatch.StartNew();
        try
        {
            using var res = await api.SendAsync(method, path, token, json);
            var body = await res.Content.ReadAsStringAsync();
            var ms = clock.Elapsed.TotalMilliseconds;
            if (expected.Contains(res.StatusCode)) op.Ok(ms);
            else op.Error(((int)res.StatusCode).ToString());
            return (res.StatusCode, body, ms);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            op.Error("network");
            throw;
        }
    }
}

public sealed class HallDayOptions
{
    public double TicketsPerSecond { get; init; } = 100;

    /// <summary>How many citizens each window serves a minute (call, start, complete, rating).</summary>
    public double WindowCallsPerMinute { get; init; } = 60;
    public double MobileShare { get; init; } = 0.4;

    /// <summary>Share of phone tickets whose holder watches it live through the hub.</summary>
    public double WatchShare { get; init; } = 1.0;
    public bool Ratings { get; init; } = true;
    public int Seed { get; init; } = 7;
}
