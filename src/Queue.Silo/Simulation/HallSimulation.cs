using Queue.Silo.Engine;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Simulation;

/// <summary>
/// Drives a real <see cref="HallState"/> — with whatever dispatch policy and wait predictor it was built
/// with — on a virtual clock. Staff behave simply: a free window calls next at once, starts the service at
/// once and completes it after the citizen's service time. Nothing is stored; each command's
/// <see cref="HallChanges"/> is dropped once applied. Used by the simulator and by the what-if runs of
/// rebalancing advice, so both measure the very code the server runs.
/// </summary>
public sealed class HallSimulation
{
    private readonly HallState hall;
    private readonly Func<Ticket, double> serviceMinutesOf;
    private readonly Dictionary<Guid, double> serviceMinutes = [];
    private readonly Dictionary<Guid, double?> estimates = [];
    private readonly Dictionary<Guid, SimulatedArrival> arrivalOf = [];
    private readonly PriorityQueue<Guid, DateTimeOffset> leaving = new();
    private readonly PriorityQueue<HallWindow, (DateTimeOffset At, int Number)> completions = new();
    private readonly Dictionary<string, DateTimeOffset> idleSince = [];
    private readonly List<SimulatedVisit> visits = [];

    /// <param name="serviceMinutesOf">Service time of tickets not brought by an arrival (those already in the hall).</param>
    public HallSimulation(HallState hall, DateTimeOffset start, Func<Ticket, double> serviceMinutesOf)
    {
        this.hall = hall;
        this.serviceMinutesOf = serviceMinutesOf;
        Now = start;
        foreach (var w in hall.Windows.OrderBy(w => w.Number))
        {
            if (w.CurrentTicketId is not { } id || hall.FindTicket(id) is not { } t) continue;
            if (t.Status == TicketStatus.Called) hall.Start(w.Id, Changes());
            var elapsed = t.StartedAt is { } s ? (start - s).TotalMinutes : 0;
            var total = serviceMinutesOf(t);
            // A service already past its drawn length ends soon rather than in the past.
            var left = Math.Max(total - elapsed, Math.Min(total, 1));
            BusyMinutes += left;
            completions.Enqueue(w, (start.AddMinutes(left), w.Number));
        }
    }

    public DateTimeOffset Now { get; private set; }

    /// <summary>How long a window calls and recalls an absent citizen before marking the no-show.</summary>
    public const double NoShowMinutes = 3;

    /// <summary>Whether to ask the predictor for each new ticket's estimate (the simulator does; what-if runs need not).</summary>
    public bool RecordEstimates { get; init; } = true;

    /// <summary>Minutes windows spent serving.</summary>
    public double BusyMinutes { get; private set; }

    /// <summary>Every ticket called so far (including those already waiting at the start).</summary>
    public IReadOnlyList<SimulatedVisit> Visits => visits;

    /// <summary>Moves the clock to a new business day (the hall expires yesterday's leftovers).</summary>
    public void StartDay(DateTimeOffset at)
    {
        if (at < Now) throw new ArgumentOutOfRangeException(nameof(at), "The clock only moves forward.");
        Now = at;
        hall.RollOver(Changes());
        foreach (var w in hall.Windows) if (w.State == WindowState.Open) idleSince[w.Id] = at;
    }

    /// <summary>Closes the day as rollover would: whoever still waits (nobody can serve them) is cancelled now, not tomorrow.</summary>
    public void EndDay()
    {
        foreach (var t in hall.WaitingTickets.ToList()) hall.Cancel(t.Id, "dayEnded", Changes());
    }

    /// <summary>Runs the arrivals (in time order) and then lets the hall serve everyone still waiting.</summary>
    public void Run(IEnumerable<SimulatedArrival> arrivals)
    {
        CallAtIdleWindows();
        using var next = arrivals.GetEnumerator();
        var pending = next.MoveNext() ? next.Current : null;
        while (pending is not null || completions.Count > 0)
        {
            var hasDone = completions.TryPeek(out _, out var done);
            var nextAt = hasDone && (pending is null || done.At <= pending.At) ? done.At : pending!.At;
            if (leaving.TryPeek(out var leaver, out var leaves) && leaves <= nextAt)
            {
                leaving.Dequeue();
                Now = leaves;
                // Only a citizen never called leaves; one back from a transfer waits for its second service.
                if (hall.FindTicket(leaver) is { Status: TicketStatus.Waiting, FirstCalledAt: null }) hall.Cancel(leaver, "left", Changes());
            }
            else if (hasDone && (pending is null || done.At <= pending.At))
            {
                var window = completions.Dequeue();
                Now = done.At;
                var sentOn = Finish(window);
                idleSince[window.Id] = Now;
                CallAt(window);
                // A transferred ticket waits again: windows idle meanwhile may serve it.
                if (sentOn) CallAtIdleWindows();
            }
            else
            {
                var arrival = pending!;
                Now = arrival.At;
                var ticket = hall.IssueTicket(arrival.ServiceId, arrival.Channel, arrival.Priority, "", Changes());
                if (arrival.Channel == TicketChannel.Mobile) hall.Arrive(ticket.Id, Changes());
                serviceMinutes[ticket.Id] = arrival.ServiceMinutes;
                arrivalOf[ticket.Id] = arrival;
                if (arrival.PatienceMinutes is { } patience) leaving.Enqueue(ticket.Id, Now.AddMinutes(patience));
                estimates[ticket.Id] = RecordEstimates && hall.Predictor.EstimateWaiting(hall, Now).TryGetValue(ticket.Id, out var e) ? e : null;
                CallAtIdleWindows();
                pending = next.MoveNext() ? next.Current : null;
            }
        }
        leaving.Clear();
        arrivalOf.Clear();
    }

    /// <summary>The window's citizen is done: served (with the arrival's outcome), absent, or sent on to another service (true).</summary>
    private bool Finish(HallWindow window)
    {
        var ticket = hall.GetTicket(window.CurrentTicketId!.Value);
        arrivalOf.TryGetValue(ticket.Id, out var arrival);
        if (ticket.Status == TicketStatus.Called) hall.NoShow(window.Id, Changes());
        else if (arrival?.TransferTo is { } to && ticket.TransferCount == 0)
        {
            hall.Transfer(window.Id, to, null, Changes());
            serviceMinutes[ticket.Id] = arrival.TransferMinutes;
            return true;
        }
        else hall.Complete(window.Id, arrival?.Outcome ?? TicketOutcome.Done, null, Changes());
        return false;
    }

    /// <summary>Idle windows call in the order they became idle (the one idle longest presses first).</summary>
    private void CallAtIdleWindows()
    {
        if (hall.WaitingTickets.Count == 0) return;
        foreach (var w in hall.Windows.Where(w => w.State == WindowState.Open).OrderBy(w => idleSince.GetValueOrDefault(w.Id, Now)).ThenBy(w => w.Number).ToList())
        {
            if (hall.WaitingTickets.Count == 0) return;
            CallAt(w);
        }
    }

    private void CallAt(HallWindow window)
    {
        if (window.State != WindowState.Open) return;
        var ticket = hall.CallNext(window.Id, Changes());
        if (ticket is null) return;
        if (arrivalOf.TryGetValue(ticket.Id, out var arrival) && arrival.Absent)
        {
            serviceMinutes.Remove(ticket.Id);
            completions.Enqueue(window, (Now.AddMinutes(NoShowMinutes), window.Number));
            return;
        }
        hall.Start(window.Id, Changes());
        var minutes = serviceMinutes.Remove(ticket.Id, out var m) ? m : serviceMinutesOf(ticket);
        var estimate = estimates.Remove(ticket.Id, out var e) ? e : null;
        visits.Add(new SimulatedVisit(ticket.Id, ticket.ServiceId, ticket.IssuedAt, estimate, (Now - ticket.IssuedAt).TotalMinutes, window.Id));
        BusyMinutes += minutes;
        completions.Enqueue(window, (Now.AddMinutes(minutes), window.Number));
    }

    private HallChanges Changes() => new(hall, Now);
}
