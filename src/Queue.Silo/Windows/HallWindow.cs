using Queue.Silo.Engine;

namespace Queue.Silo.Windows;

/// <summary>A counter (窗口). Its <see cref="ServiceIds"/> are its skills; a 综合窗口 has all of them.</summary>
public sealed class HallWindow
{
    private HallWindow() { }

    public HallWindow(string id, string hallId, int number, string name, IEnumerable<string> serviceIds)
    {
        Id = id;
        HallId = hallId;
        Number = number;
        Name = name;
        ServiceIds = serviceIds.ToList();
    }

    /// <summary>A detached copy for a replay on another thread; its skills are its own list.</summary>
    internal HallWindow Copy()
    {
        var copy = (HallWindow)MemberwiseClone();
        copy.ServiceIds = [.. ServiceIds];
        return copy;
    }

    public string Id { get; private set; } = "";
    public string HallId { get; private set; } = "";
    public int Number { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The English name, when the hall gives one; English pages show the Chinese name otherwise.</summary>
    public string? NameEn { get; private set; }
    public List<string> ServiceIds { get; private set; } = [];
    public WindowState State { get; private set; } = WindowState.Closed;
    public Guid? CurrentTicketId { get; private set; }

    /// <summary>
    /// The staff member working the window, bound to every ticket it calls. Set only by that person's own
    /// actions there (opening, calling), never by a manager acting remotely; nobody once it closes (decision 0079).
    /// </summary>
    public string? StaffId { get; private set; }

    public bool Serves(string serviceId) => ServiceIds.Contains(serviceId);

    public bool CanCall => State == WindowState.Open;

    /// <summary>
    /// Open or serving with someone at it. Only such a window will call, so only it enters a wait estimate or a
    /// count of windows serving; one a manager opened for somebody waits for that person's first act there.
    /// </summary>
    public bool Attended => State is WindowState.Open or WindowState.Serving && StaffId is not null;

    /// <summary>Opens the window with <paramref name="staffId"/> at it, or nobody when a manager opens it for someone.</summary>
    public void Open(string? staffId)
    {
        if (State != WindowState.Closed) throw Refuse("window.cannotOpen", "window.cannotOpen");
        State = WindowState.Open;
        StaffId = staffId;
    }

    public void Close()
    {
        if (State == WindowState.Closed) throw Refuse("window.cannotClose", "window.cannotClose.closed");
        if (CurrentTicketId is not null) throw Refuse("window.cannotClose", "window.cannotClose.hasTicket");
        State = WindowState.Closed;
        // Whoever worked it has left; the pad must not go on naming them.
        StaffId = null;
    }

    /// <summary>The staff member acting here is now the one at the window.</summary>
    internal void Seat(string staffId) => StaffId = staffId;

    /// <summary>Its staff member went to work another window; the tickets it already called keep their credit.</summary>
    internal void Vacate() => StaffId = null;

    public void Pause()
    {
        if (State != WindowState.Open)
            throw State == WindowState.Serving ? Refuse("window.cannotPause", "window.cannotPause.serving")
                : Refuse("window.cannotPause", State == WindowState.Paused ? "window.cannotPause.paused" : "window.cannotPause.closed");
        State = WindowState.Paused;
    }

    public void Resume()
    {
        if (State != WindowState.Paused) throw Refuse("window.cannotResume", "window.cannotResume");
        State = WindowState.Open;
    }

    /// <summary>A new number or name from the administrator; the window's state and ticket stay.</summary>
    internal void Describe(int number, string name, string? nameEn)
    {
        NameEn = nameEn;
        Number = number;
        Name = name;
    }

    public void AssignServices(IReadOnlyCollection<string> serviceIds)
    {
        ServiceIds = serviceIds.Distinct().ToList();
    }

    internal void Begin(Guid ticketId)
    {
        State = WindowState.Serving;
        CurrentTicketId = ticketId;
    }

    internal void Finish()
    {
        CurrentTicketId = null;
        State = WindowState.Open;
    }

    public void RequireCurrent(out Guid ticketId)
    {
        ticketId = CurrentTicketId ?? throw HallException.Conflict("window.noTicket", ("number", Number));
    }

    private HallException Refuse(string code, string key) => new(RefusalKind.Conflict, code, key, ("number", Number));
}
