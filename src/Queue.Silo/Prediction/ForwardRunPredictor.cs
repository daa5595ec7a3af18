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
/// </remarks>
public sealed class ForwardRunPredictor(TimeSpan reuseFor = default, int reuseFrom = 0) : IWaitPredictor
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);
    private readonly Dictionary<string, (DateTimeOffset At, double Minutes)> newTicket = [];
    private readonly ServiceTimeModel model = new();
    private readonly ILineDispatch fallback = new OldestFirstDispatch();
    private readonly Dictionary<string, Queue<DateTimeOffset>> priorityArrivals = [];
    private readonly HashSet<Guid> seenPriority = [];
    private HallState? learnedFrom;
    private (HallState Hall, long Seq, DateTimeOffset Now, IReadOnlyDictionary<Guid, double> Estimates)? cached;

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
        HasStaleEstimates = false;
        LearnHistory(hall, null);
        NotePriorityArrivals(hall, now);
        var run = ForwardRun.Run(hall, now, model, Policy(hall), null);
        foreach (var t in hall.WaitingTickets)
            if (t.Priority == TicketPriority.Normal && run.TryGetValue(t.Id, out var minutes)) run[t.Id] = minutes + Overtaking(hall, t.ServiceId, minutes, now);
        cached = (hall, hall.Hall.Seq, now, run);
        return run;
    }

    public double EstimateNew(HallState hall, string serviceId, DateTimeOffset now)
    {
        if (newTicket.TryGetValue(serviceId, out var last) && Fresh(last.At, now) && ReferenceEquals(learnedFrom, hall) && Reusing(hall))
        {
            HasStaleEstimates = true;
            return last.Minutes;
        }
        var minutes = ReplayNew(hall, serviceId, now);
        newTicket[serviceId] = (now, minutes);
        return minutes;
    }

    private bool Fresh(DateTimeOffset computedAt, DateTimeOffset now) => now >= computedAt && now - computedAt < reuseFor;

    private bool Reusing(HallState hall) => hall.WaitingTickets.Count >= reuseFrom;

    /// <summary>The last replay's estimates for the tickets still waiting; tickets issued since get their service's new-ticket estimate.</summary>
    private Dictionary<Guid, double> Reused(HallState hall, IReadOnlyDictionary<Guid, double> last)
    {
        var result = new Dictionary<Guid, double>(hall.WaitingTickets.Count);
        foreach (var t in hall.WaitingTickets)
        {
            if (last.TryGetValue(t.Id, out var minutes)) result[t.Id] = minutes;
            else if (newTicket.TryGetValue(t.ServiceId, out var fresh)) result[t.Id] = fresh.Minutes;
        }
        return result;
    }

    private double ReplayNew(HallState hall, string serviceId, DateTimeOffset now)
    {
        LearnHistory(hall, null);
        NotePriorityArrivals(hall, now);
        var phantom = new Ticket(Guid.Empty, hall.Hall.Id, serviceId, "~", hall.Hall.BusinessDay(now), TicketChannel.Kiosk, TicketPriority.Normal, "", now);
        var minutes = ForwardRun.Run(hall, now, model, Policy(hall), phantom).GetValueOrDefault(Guid.Empty);
        return minutes + Overtaking(hall, serviceId, minutes, now);
    }

    private ILineDispatch Policy(HallState hall) => hall.Dispatch as ILineDispatch ?? fallback;

    /// <summary>
    /// Minutes added by priority tickets expected to arrive during the wait and go ahead: the service's
    /// recent priority arrival rate × the part of the wait they can overtake × their share of the windows.
    /// </summary>
    private double Overtaking(HallState hall, string serviceId, double waitMinutes, DateTimeOffset now)
    {
        if (!priorityArrivals.TryGetValue(serviceId, out var arrivals) || arrivals.Count == 0) return 0;
        var perMinute = arrivals.Count / RateWindow.TotalMinutes;
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
