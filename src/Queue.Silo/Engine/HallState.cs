using Queue.Silo.Halls;
using Queue.Silo.Services;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Engine;

/// <summary>
/// Everything one hall needs to decide a command: its services, windows, today's tickets and counters.
/// Only the hall's single writer touches it, one command at a time; each command checks everything it
/// needs before it changes anything, so a refused command leaves the hall untouched.
/// </summary>
public sealed partial class HallState
{
    private readonly Dictionary<string, Service> services;
    private readonly Dictionary<string, HallWindow> windows;
    private readonly Dictionary<Guid, Ticket> tickets;
    private readonly HashSet<Ticket> waiting;
    private readonly Dictionary<(DateOnly Day, string Prefix), TicketCounter> counters;

    public HallState(Hall hall, IEnumerable<Service> services, IEnumerable<HallWindow> windows, IEnumerable<Ticket> tickets,
        IEnumerable<TicketCounter> counters, IDispatchPolicy dispatch, IWaitPredictor predictor)
    {
        Hall = hall;
        this.services = services.ToDictionary(s => s.Id);
        this.windows = windows.ToDictionary(w => w.Id);
        this.tickets = tickets.ToDictionary(t => t.Id);
        waiting = this.tickets.Values.Where(t => t.Status == TicketStatus.Waiting).ToHashSet();
        this.counters = counters.ToDictionary(c => (c.Day, c.Prefix));
        Dispatch = dispatch;
        Predictor = predictor;
        BusinessDay = this.tickets.Count == 0 ? DateOnly.MinValue : this.tickets.Values.Max(t => t.BusinessDay);
    }

    public Hall Hall { get; }
    public IDispatchPolicy Dispatch { get; set; }
    public IWaitPredictor Predictor { get; }

    /// <summary>The business day whose tickets the hall holds; older active tickets expire at rollover.</summary>
    public DateOnly BusinessDay { get; private set; }

    public IReadOnlyCollection<Service> Services => services.Values;
    public IReadOnlyCollection<HallWindow> Windows => windows.Values;
    public IReadOnlyCollection<Ticket> Tickets => tickets.Values;
    public IReadOnlyCollection<Ticket> WaitingTickets => waiting;

    public Service? FindService(string id) => services.GetValueOrDefault(id);
    public HallWindow? FindWindow(string id) => windows.GetValueOrDefault(id);
    public Ticket? FindTicket(Guid id) => tickets.GetValueOrDefault(id);

    public Service GetService(string id) => FindService(id) ?? throw HallException.NotFound("service", id);
    public HallWindow GetWindow(string id) => FindWindow(id) ?? throw HallException.NotFound("window", id);
    public Ticket GetTicket(Guid id) => FindTicket(id) ?? throw HallException.NotFound("ticket", id.ToString());

    /// <summary>
    /// Whether <paramref name="window"/> may call <paramref name="ticket"/> at all (skills, transfer target, and the
    /// holder is in the hall: a phone ticket not yet checked in is passed over but keeps its QueuedAt, see Arrive).
    /// </summary>
    public bool MayCall(HallWindow window, Ticket ticket) =>
        CallRule.Allows(ticket.Status, window.Serves(ticket.ServiceId), ticket.TargetWindowId, window.Id, ticket.ArrivedAt);

    /// <summary>At the first command of a new business day, yesterday's unfinished tickets expire.</summary>
    public void RollOver(HallChanges changes)
    {
        var today = Hall.BusinessDay(changes.Now);
        if (today <= BusinessDay) return;
        foreach (var t in tickets.Values.Where(t => t.BusinessDay < today && t.IsActive).ToList())
        {
            if (t.Status == TicketStatus.Waiting)
            {
                t.Cancel(changes.Now);
                changes.Touch(t);
                changes.Emit(new TicketCancelled(t.Id, "dayEnded"));
            }
        }
        foreach (var w in windows.Values.Where(w => w.CurrentTicketId is { } id && tickets.TryGetValue(id, out var t) && t.BusinessDay < today && t.Status == TicketStatus.Called))
        {
            var t = tickets[w.CurrentTicketId!.Value];
            t.MarkNoShow(changes.Now);
            changes.Touch(t);
            w.Finish();
            changes.Touch(w);
            changes.Emit(new TicketNoShow(t.Id, w.Id));
        }
        foreach (var old in tickets.Values.Where(t => t.BusinessDay < today && !t.IsActive).ToList()) tickets.Remove(old.Id);
        waiting.RemoveWhere(t => t.Status != TicketStatus.Waiting);
        ForgetCitizenIndexes();
        BusinessDay = today;
    }

    public Ticket IssueTicket(string serviceId, TicketChannel channel, TicketPriority priority, string tokenHash, HallChanges changes)
    {
        var service = GetService(serviceId);
        var day = Hall.BusinessDay(changes.Now);
        if (!counters.TryGetValue((day, service.Prefix), out var counter))
        {
            counter = new TicketCounter(Hall.Id, day, service.Prefix);
            counters[(day, service.Prefix)] = counter;
            changes.Add(counter);
        }
        else changes.Touch(counter);
        var ticket = new Ticket(Guid.NewGuid(), Hall.Id, service.Id, counter.Next(), day, channel, priority, tokenHash, changes.Now);
        tickets.Add(ticket.Id, ticket);
        waiting.Add(ticket);
        changes.Add(ticket);
        changes.Emit(new TicketIssued(ticket.Id, ticket.Number, service.Id, channel, priority));
        return ticket;
    }

    /// <summary>
    /// The window calls the ticket dispatch picks; null when nobody it may serve is waiting. A staff member
    /// calling at their own terminal (<paramref name="staffId"/>) takes the window first, so the ticket is
    /// theirs even when a manager opened the window for them; a manager calling (null) leaves its staff as is.
    /// </summary>
    public Ticket? CallNext(string windowId, HallChanges changes, string? staffId = null)
    {
        var window = GetWindow(windowId);
        if (window.State == WindowState.Serving)
            throw HallException.Conflict("window.busy", ("number", window.Number));
        if (!window.CanCall)
            throw new HallException(RefusalKind.Conflict, "window.notOpen", window.State == WindowState.Paused ? "window.notOpen.paused" : "window.notOpen.closed", ("number", window.Number));
        if (staffId is not null && window.StaffId != staffId) Seat(window, staffId, changes);
        var next = Dispatch.PickNext(this, window, changes.Now);
        if (next is null) return null;
        if (!MayCall(window, next)) throw new InvalidOperationException($"Dispatch picked ticket {next.Number} that window {window.Number} may not call.");
        var firstCall = next.FirstCalledAt is null;
        next.Call(window.Id, window.StaffId, changes.Now);
        if (firstCall) NoteCalled(next, changes.Now); // the index holds first calls, as rebuilt from storage
        waiting.Remove(next);
        window.Begin(next.Id);
        changes.Touch(next);
        changes.Touch(window);
        changes.Emit(new TicketCalled(next.Id, next.Number, window.Id, window.Number, false));
        return next;
    }

    public Ticket Recall(string windowId, HallChanges changes)
    {
        var (window, ticket) = Current(windowId);
        ticket.Recall(Hall.Settings.MaxRecalls, changes.Now);
        changes.Touch(ticket);
        changes.Emit(new TicketCalled(ticket.Id, ticket.Number, window.Id, window.Number, true));
        return ticket;
    }

    public Ticket Start(string windowId, HallChanges changes)
    {
        var (window, ticket) = Current(windowId);
        ticket.Start(changes.Now);
        changes.Touch(ticket);
        changes.Emit(new TicketStarted(ticket.Id, window.Id));
        return ticket;
    }

    public Ticket Complete(string windowId, TicketOutcome outcome, string? note, HallChanges changes)
    {
        var (window, ticket) = Current(windowId);
        ticket.Complete(outcome, note, changes.Now);
        window.Finish();
        changes.Touch(ticket);
        changes.Touch(window);
        changes.Emit(new TicketCompleted(ticket.Id, window.Id, outcome, note));
        Predictor.Observe(this, ticket);
        return ticket;
    }

    public Ticket NoShow(string windowId, HallChanges changes)
    {
        var (window, ticket) = Current(windowId);
        ticket.MarkNoShow(changes.Now);
        window.Finish();
        changes.Touch(ticket);
        changes.Touch(window);
        changes.Emit(new TicketNoShow(ticket.Id, window.Id));
        return ticket;
    }

    /// <summary>Sends the window's ticket to another service (or window); it keeps its place in line.</summary>
    public Ticket Transfer(string windowId, string serviceId, string? targetWindowId, HallChanges changes)
    {
        var (window, ticket) = Current(windowId);
        var service = GetService(serviceId);
        if (targetWindowId is not null)
        {
            var target = GetWindow(targetWindowId);
            if (target.Id == window.Id) throw HallException.Conflict("transfer.sameWindow");
            if (!target.Serves(service.Id)) throw HallException.Conflict("transfer.targetCannotServe", ("number", target.Number), ("service", service.Name));
        }
        else if (!windows.Values.Any(w => w.Serves(service.Id)))
            throw HallException.Conflict("transfer.noWindow", ("service", service.Name));
        var from = ticket.ServiceId;
        ticket.TransferTo(service.Id, targetWindowId);
        window.Finish();
        waiting.Add(ticket);
        changes.Touch(ticket);
        changes.Touch(window);
        changes.Emit(new TicketTransferred(ticket.Id, from, service.Id, targetWindowId));
        return ticket;
    }

    public Ticket Cancel(Guid ticketId, string reason, HallChanges changes)
    {
        var ticket = GetTicket(ticketId);
        ticket.Cancel(changes.Now);
        waiting.Remove(ticket);
        changes.Touch(ticket);
        changes.Emit(new TicketCancelled(ticket.Id, reason));
        return ticket;
    }

    /// <summary>
    /// Opens a window; <paramref name="staffId"/> is the staff member opening it at the counter, null for a manager.
    /// A staff member "opening" a window already open without them at it takes it: from now on it serves (Attended).
    /// </summary>
    public HallWindow OpenWindow(string windowId, string? staffId, HallChanges changes)
    {
        var open = GetWindow(windowId);
        if (open.State != WindowState.Closed && staffId is not null && open.StaffId != staffId)
        {
            Seat(open, staffId, changes);
            return open;
        }
        var window = ChangeWindow(windowId, changes, w => w.Open(staffId));
        if (staffId is not null) LeaveOtherWindows(window, staffId, changes);
        return window;
    }

    public HallWindow CloseWindow(string windowId, HallChanges changes) => ChangeWindow(windowId, changes, w => w.Close());

    public HallWindow PauseWindow(string windowId, HallChanges changes) => ChangeWindow(windowId, changes, w => w.Pause());

    public HallWindow ResumeWindow(string windowId, HallChanges changes) => ChangeWindow(windowId, changes, w => w.Resume());

    public HallWindow SetWindowServices(string windowId, IReadOnlyCollection<string> serviceIds, HallChanges changes)
    {
        var window = GetWindow(windowId);
        var unknown = serviceIds.Where(id => !services.ContainsKey(id)).ToList();
        if (unknown.Count > 0) throw HallException.Invalid("serviceIds", "invalid.serviceIds.unknown", ("services", string.Join(", ", unknown)));
        return ChangeWindow(windowId, changes, w => w.AssignServices(serviceIds));
    }

    /// <summary>Puts <paramref name="staffId"/> at <paramref name="window"/>, and so at no other window: one person, one counter.</summary>
    private void Seat(HallWindow window, string staffId, HallChanges changes)
    {
        window.Seat(staffId);
        Changed(window, changes);
        LeaveOtherWindows(window, staffId, changes);
    }

    private void LeaveOtherWindows(HallWindow window, string staffId, HallChanges changes)
    {
        foreach (var other in windows.Values.Where(w => w != window && w.StaffId == staffId))
        {
            other.Vacate();
            Changed(other, changes);
        }
    }

    /// <summary>WindowChanged also tells the window's pad to show who is at it now.</summary>
    private static void Changed(HallWindow window, HallChanges changes)
    {
        changes.Touch(window);
        changes.Emit(new WindowChanged(window.Id, window.State, window.ServiceIds.ToList()));
    }

    private HallWindow ChangeWindow(string windowId, HallChanges changes, Action<HallWindow> change)
    {
        var window = GetWindow(windowId);
        change(window);
        Changed(window, changes);
        return window;
    }

    private (HallWindow Window, Ticket Ticket) Current(string windowId)
    {
        var window = GetWindow(windowId);
        window.RequireCurrent(out var ticketId);
        return (window, GetTicket(ticketId));
    }
}
