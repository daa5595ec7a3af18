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
        if (State != WindowState.Closed) throw Refuse("open", "已开启", "is already open");
        State = WindowState.Open;
        StaffId = staffId;
    }

    public void Close()
    {
        if (State == WindowState.Closed) throw Refuse("close", "已关闭", "is already closed");
        if (CurrentTicketId is not null) throw Refuse("close", "还有号票未办结，请先办结", "still has a ticket; finish it first");
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
            throw State == WindowState.Serving ? Refuse("pause", "正在办理，请先办结当前号票", "is serving; finish the ticket first")
                : Refuse("pause", State == WindowState.Paused ? "已暂停" : "未开启", $"is {State.ToString().ToLowerInvariant()}");
        State = WindowState.Paused;
    }

    public void Resume()
    {
        if (State != WindowState.Paused) throw Refuse("resume", "未暂停", "is not paused");
        State = WindowState.Open;
    }

    /// <summary>A new number or name from the administrator; the window's state and ticket stay.</summary>
    internal void Describe(int number, string name)
    {
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
        ticketId = CurrentTicketId ?? throw HallException.Conflict("window.noTicket", $"{Number}号窗口当前没有号票。/ Window {Number} has no current ticket.");
    }

    private HallException Refuse(string action, string whyZh, string why) =>
        HallException.Conflict($"window.cannot{char.ToUpperInvariant(action[0])}{action[1..]}", $"{Number}号窗口{whyZh}。/ Window {Number} cannot {action}: it {why}.");
}
