using Queue.Silo.Dispatch;
using Queue.Silo.Engine;
using Queue.Silo.Tickets;

namespace Queue.Silo.Prediction;

/// <summary>
/// The hall's wait predictor: learns service times per service and window (<see cref="ServiceTimeModel"/>),
/// replays the hall forward with the hall's own dispatch (<see cref="ForwardRun"/>) and adds the expected
/// priority tickets that will arrive and go ahead of an ordinary ticket while it waits.
/// </summary>
/// <remarks>
/// A replay costs time in proportion to the tickets waiting, and it runs once for the waiting tickets and
/// once per service for a new ticket after every committed batch. In a flood of commands (thousands of
/// tickets a second) that would make the writer's cost grow with the queue, so a predictor may be given
/// <c>reuseFor</c>: estimates computed less than that long ago are reused, a ticket issued meanwhile gets
/// the new-ticket estimate of its service from the last replay. Only from <c>reuseFrom</c> tickets waiting:
/// with a short line, every ticket issued in a burst moves the next one's wait by a whole service, and the
/// reused estimate of the burst's first ticket ("0 minutes" while a window is idle) made the phone of a
/// ticket with four ahead page "your turn is near" at once. A short line replays in microseconds anyway.
/// <para>
/// With thousands waiting even one replay per half second is too much for the writer: at 20,000 waiting the
/// fourteen replays (the waiting tickets, then one phantom per service) took 30–460 ms per batch, on the
/// writer, in every command's latency. From <c>backgroundFrom</c> tickets waiting the replay runs on a
/// detached copy of the hall on the thread pool (decision 0073): the writer copies the waiting tickets and the
/// windows, hands them over and goes on with the last estimates; the next batch after the replay finishes
/// takes its result. That replay also estimates every service's new ticket at once, with one phantom per
/// service in the same run (in a flood a phantom may be called at most one service time later because of
/// another service's phantom at a shared window — nothing against a wait of hours).
/// </para>
/// </remarks>
public sealed class ForwardRunPredictor(TimeSpan reuseFor = default, int backgroundFrom = int.MaxValue, int reuseFrom = 0) : IWaitPredictor
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);
    private readonly Dictionary<string, (DateTimeOffset At, double? Minutes)> newTicket = [];
    private readonly ServiceTimeModel model = new();
    private readonly ILineDispatch fallback = new OldestFirstDispatch();
    private readonly Dictionary<string, Queue<DateTimeOffset>> priorityArrivals = [];
    private readonly HashSet<Guid> seenPriority = [];
    private HallState? learnedFrom;
    private (HallState Hall, long Seq, DateTimeOffset Now, IReadOnlyDictionary<Guid, double> Estimates)? cached;
    private (HallState Hall, Task<Replay> Task)? running;

    /// <summary>What a background replay found: estimates of the tickets waiting at <see cref="Now"/> and of a new ticket per service.</summary>
    private sealed record Replay(long Seq, DateTimeOffset Now, Dictionary<Guid, double> Waiting, Dictionary<string, double?> New);

    public ServiceTimeModel Model => model;

    public bool HasStaleEstimates { get; private set; }

    public void Observe(HallState hall, Ticket finished)
    {
        LearnHistory(hall, finished);
        Learn(hall, finished);
    }

    /// <summary>
    /// A hall loaded from storage (a restart, another node's write) comes with today's finished tickets:
    /// learn from them once, so estimates do not fall back to the norms after every reload.
    /// </summary>
    private void LearnHistory(HallState hall, Ticket? except)
    {
        if (ReferenceEquals(learnedFrom, hall)) return;
        learnedFrom = hall;
        foreach (var t in hall.Tickets.Where(t => t.Status == TicketStatus.Done && t != except && t.FinishedAt is not null).OrderBy(t => t.FinishedAt))
            Learn(hall, t);
    }

    private void Learn(HallState hall, Ticket finished)
    {
        if (finished.StartedAt is not { } start || finished.FinishedAt is not { } end) return;
        model.Observe(finished.ServiceId, finished.WindowId, (end - start).TotalMinutes, hall.FindService(finished.ServiceId)?.NormMinutes ?? 5);
    }

    public IReadOnlyDictionary<Guid, double> EstimateWaiting(HallState hall, DateTimeOffset now)
    {
        if (cached is { } c && ReferenceEquals(c.Hall, hall) && c.Seq == hall.Hall.Seq && c.Now == now) return c.Estimates;
        if (cached is { } recent && ReferenceEquals(recent.Hall, hall) && Fresh(recent.Now, now) && Reusing(hall))
        {
            HasStaleEstimates = true;
            return Reused(hall, recent.Estimates);
        }
        if (InBackground(hall) && cached is { } last && ReferenceEquals(last.Hall, hall))
        {
            // Take a finished replay's result; start the next one if it is due; meanwhile reuse the last.
            Adopt(hall);
            if (!Fresh(cached!.Value.Now, now) && running is null) running = (hall, StartReplay(hall, now));
            HasStaleEstimates = true;
            return Reused(hall, cached!.Value.Estimates);
        }
        HasStaleEstimates = false;
        LearnHistory(hall, null);
        NotePriorityArrivals(hall, now);
        var run = ForwardRun.Run(hall, now, model, Policy(hall), null);
        foreach (var t in hall.WaitingTickets)
            if (t.Priority == TicketPriority.Normal && run.TryGetValue(t.Id, out var minutes)) run[t.Id] = minutes + Overtaking(hall, t.ServiceId, minutes, now);
        cached = (hall, hall.Hall.Seq, now, run);
        return run;
    }

    public double? EstimateNew(HallState hall, string serviceId, DateTimeOffset now)
    {
        if (newTicket.TryGetValue(serviceId, out var last) && Fresh(last.At, now) && ReferenceEquals(learnedFrom, hall) && Reusing(hall))
        {
            HasStaleEstimates = true;
            return last.Minutes;
        }
        if (InBackground(hall) && newTicket.TryGetValue(serviceId, out var known) && ReferenceEquals(learnedFrom, hall))
        {
            // The background replay refreshes it (started by EstimateWaiting, which the snapshot asks first).
            HasStaleEstimates = true;
            return known.Minutes;
        }
        var minutes = ReplayNew(hall, serviceId, now);
        newTicket[serviceId] = (now, minutes);
        return minutes;
    }

    private bool InBackground(HallState hall) => reuseFor > TimeSpan.Zero && hall.WaitingTickets.Count >= backgroundFrom;

    /// <summary>Takes the result of a finished background replay, if any (a failed one is dropped and tried again).</summary>
    private void Adopt(HallState hall)
    {
        if (running is not { } r || !r.Task.IsCompleted) return;
        running = null;
        if (!ReferenceEquals(r.Hall, hall) || !r.Task.IsCompletedSuccessfully) return;
        var replay = r.Task.Result;
        cached = (hall, replay.Seq, replay.Now, replay.Waiting);
        foreach (var (serviceId, minutes) in replay.New) newTicket[serviceId] = (replay.Now, minutes);
    }

    /// <summary>
    /// Copies what a replay reads — the waiting tickets, the tickets at the windows, the windows, the learned
    /// times and the priority arrival counts — and replays the copy on the thread pool. The copy is O(waiting)
    /// field copies on the writer; the replay itself, O(waiting · windows), runs beside it.
    /// </summary>
    private Task<Replay> StartReplay(HallState hall, DateTimeOffset now)
    {
        LearnHistory(hall, null);
        NotePriorityArrivals(hall, now);
        var tickets = new List<Ticket>(hall.WaitingTickets.Count + hall.Windows.Count);
        foreach (var t in hall.WaitingTickets) tickets.Add(t.Copy());
        foreach (var w in hall.Windows)
            if (w.CurrentTicketId is { } id && hall.FindTicket(id) is { } current) tickets.Add(current.Copy());
        var windows = hall.Windows.Select(w => w.Copy()).ToList();
        var services = hall.Services.ToList();
        var model = this.model.Copy();
        var arrivals = priorityArrivals.ToDictionary(kv => kv.Key, kv => kv.Value.Count);
        var policy = Policy(hall);
        var dispatch = hall.Dispatch;
        var info = hall.Hall;
        var seq = info.Seq;
        var day = info.BusinessDay(now);
        return Task.Run(() =>
        {
            var copy = new HallState(info, services, windows, tickets, [], dispatch, new PlainQueuePredictor());
            var withIds = services.Select(s => new Ticket(Guid.NewGuid(), info.Id, s.Id, "~", day, TicketChannel.Kiosk, TicketPriority.Normal, "", now)).ToList();
            var run = ForwardRun.Run(copy, now, model, policy, withIds, stopAtPhantom: false);
            var waiting = new Dictionary<Guid, double>(copy.WaitingTickets.Count);
            foreach (var t in copy.WaitingTickets)
            {
                if (!run.TryGetValue(t.Id, out var minutes)) continue;
                waiting[t.Id] = t.Priority == TicketPriority.Normal ? minutes + Overtaking(copy, model, arrivals, t.ServiceId, minutes) : minutes;
            }
            var fresh = new Dictionary<string, double?>();
            foreach (var p in withIds)
                fresh[p.ServiceId] = run.TryGetValue(p.Id, out var minutes) ? minutes + Overtaking(copy, model, arrivals, p.ServiceId, minutes) : null;
            return new Replay(seq, now, waiting, fresh);
        });
    }

    private bool Fresh(DateTimeOffset computedAt, DateTimeOffset now) => now >= computedAt && now - computedAt < reuseFor;

    private bool Reusing(HallState hall) => hall.WaitingTickets.Count >= reuseFrom;

    /// <summary>
    /// The last replay's estimates for the tickets still waiting; tickets issued since get their service's
    /// new-ticket estimate. A view over the hall as it is now, not a copy: the snapshot reads it at once, and
    /// copying 20,000 estimates per batch put half a megabyte on the large-object heap each time.
    /// </summary>
    private ReusedEstimates Reused(HallState hall, IReadOnlyDictionary<Guid, double> last) =>
        new(hall, last, newTicket.ToDictionary(kv => kv.Key, kv => kv.Value.Minutes));

    private double? ReplayNew(HallState hall, string serviceId, DateTimeOffset now)
    {
        LearnHistory(hall, null);
        NotePriorityArrivals(hall, now);
        var phantom = new Ticket(Guid.Empty, hall.Hall.Id, serviceId, "~", hall.Hall.BusinessDay(now), TicketChannel.Kiosk, TicketPriority.Normal, "", now);
        if (!ForwardRun.Run(hall, now, model, Policy(hall), phantom).TryGetValue(Guid.Empty, out var minutes)) return null;
        return minutes + Overtaking(hall, serviceId, minutes, now);
    }

    private ILineDispatch Policy(HallState hall) => hall.Dispatch as ILineDispatch ?? fallback;

    /// <summary>
    /// Minutes added by priority tickets expected to arrive during the wait and go ahead: the service's
    /// recent priority arrival rate × the part of the wait they can overtake × their share of the windows.
    /// </summary>
    private double Overtaking(HallState hall, string serviceId, double waitMinutes, DateTimeOffset now) =>
        Overtaking(hall, model, priorityArrivals.TryGetValue(serviceId, out var arrivals) ? arrivals.Count : 0, serviceId, waitMinutes);

    private static double Overtaking(HallState hall, ServiceTimeModel model, IReadOnlyDictionary<string, int> arrivals, string serviceId, double waitMinutes) =>
        Overtaking(hall, model, arrivals.GetValueOrDefault(serviceId), serviceId, waitMinutes);

    private static double Overtaking(HallState hall, ServiceTimeModel model, int arrivalsInWindow, string serviceId, double waitMinutes)
    {
        if (arrivalsInWindow == 0) return 0;
        var perMinute = arrivalsInWindow / RateWindow.TotalMinutes;
        var norm = hall.FindService(serviceId)?.NormMinutes ?? 5;
        var exposed = Math.Min(waitMinutes, PriorityHeadStart.MaxMinutes);
        return perMinute * exposed * model.Mean(serviceId, norm) / EngineDispatch.AbleWindows(hall, serviceId);
    }

    private void NotePriorityArrivals(HallState hall, DateTimeOffset now)
    {
        foreach (var t in hall.WaitingTickets)
        {
            if (t.Priority == TicketPriority.Normal || !seenPriority.Add(t.Id)) continue;
            if (!priorityArrivals.TryGetValue(t.ServiceId, out var q)) priorityArrivals[t.ServiceId] = q = new Queue<DateTimeOffset>();
            q.Enqueue(t.QueuedAt);
        }
        foreach (var q in priorityArrivals.Values)
            while (q.Count > 0 && now - q.Peek() > RateWindow) q.Dequeue();
        // Forget tickets no longer waiting once the set grows, without forgetting (and recounting) those that still wait.
        if (seenPriority.Count > 10_000) seenPriority.IntersectWith(hall.WaitingTickets.Select(t => t.Id));
    }
}
