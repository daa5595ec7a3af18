using Queue.Silo.Prediction;
using System.Diagnostics;
using System.Text.Json;
using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Services;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.LoadTests;

/// <summary>
/// <c>snapshot-cost [--tickets 20000] [--served 0.95]</c>: what one hall writer spends per batch outside the database, in
/// process and without a server: the wait predictor's estimates, a full snapshot, and the incremental
/// snapshot after a batch of 150 issued tickets and after one call (decision 0070). City-hall shape:
/// 13 services, 16 windows.
/// </summary>
public static class SnapshotCost
{
    public static int Run(CommandOptions o)
    {
        var n = o.Int("tickets", 20_000);
        var now = DateTimeOffset.UtcNow;
        var hall = new Hall("bench", "bench", HallLevel.City, null, "420100");
        var services = Enumerable.Range(0, 13).Select(i => new Service($"s{i}", hall.Id, $"service {i}", "社会民生类", ((char)('A' + i)).ToString(), 5, new ServiceGuide())).ToList();
        var windows = Enumerable.Range(1, 16).Select(i => new HallWindow($"w{i}", hall.Id, i, $"{i}号窗口", i <= 4 ? services.Select(s => s.Id) : [services[i % 13].Id, services[(i + 1) % 13].Id])).ToList();
        foreach (var w in windows) w.Open("staff");
        var state = new HallState(hall, services, windows, [], [], new OldestFirstDispatch(), new PlainQueuePredictor());
        var rng = new Random(1);
        var setup = new HallChanges(state, now);
        for (var i = 0; i < n; i++) state.IssueTicket(services[rng.Next(13)].Id, TicketChannel.Kiosk, TicketPriority.Normal, "h", setup);
        // --served 0.95: the shape of a real afternoon, most of the day's tickets already served.
        var served = (int)(n * o.Double("served", 0));
        for (var i = 0; i < served; i++)
        {
            state.CallNext("w1", setup);
            state.Start("w1", setup);
            state.Complete("w1", TicketOutcome.Done, null, setup);
        }

        var result = new Dictionary<string, double>
        {
            ["tickets"] = n,
            ["waiting"] = state.WaitingTickets.Count,
            ["predictorEstimateWaitingMs"] = Time(() => state.Predictor.EstimateWaiting(state, now)),
            ["fullSnapshotMs"] = Time(() => HallSnapshot.Of(state, now)),
        };
        var previous = HallSnapshot.Of(state, now);
        var issue = new HallChanges(state, now);
        for (var i = 0; i < 150; i++) state.IssueTicket(services[rng.Next(13)].Id, TicketChannel.Kiosk, TicketPriority.Normal, "h", issue);
        var touched = issue.Added.OfType<Ticket>().Select(t => t.Id).ToHashSet();
        result["incrementalAfter150IssuedMs"] = Time(() => HallSnapshot.Of(state, now, previous, touched));
        result["fullAfter150IssuedMs"] = Time(() => HallSnapshot.Of(state, now));
        previous = HallSnapshot.Of(state, now);
        var call = new HallChanges(state, now);
        var called = state.CallNext("w1", call)!;
        result["incrementalAfterOneCallMs"] = Time(() => HallSnapshot.Of(state, now, previous, new HashSet<Guid> { called.Id }));
        result["fullAfterOneCallMs"] = Time(() => HallSnapshot.Of(state, now));
        foreach (var (k, v) in result) Console.Error.WriteLine($"{k,-30} {v,10:0.00}");
        Console.WriteLine(JsonSerializer.Serialize(result, LoadCommand.Output));
        return 0;
    }

    /// <summary>Median of 7 runs after 2 warm-ups, in milliseconds.</summary>
    private static double Time(Action action)
    {
        for (var i = 0; i < 2; i++) action();
        var runs = new double[7];
        for (var i = 0; i < runs.Length; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            runs[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(runs);
        return Math.Round(runs[runs.Length / 2], 2);
    }
}
