using Queue.Silo.Tickets;
using Queue.Silo.Halls;
using Queue.Silo.Services;
using Queue.Silo.Windows;

namespace Queue.Silo.Views;

/// <summary>
/// A hall in the list of halls. <see cref="EstimatedWaitMinutes"/> is the longest of its services' estimates,
/// null while no window is open; <see cref="OpenWindows"/> counts the windows open or serving with someone at them, and
/// <see cref="UnservedWaiting"/> the tickets waiting for services no such window offers (they have no estimate,
/// so the hall's figure alone would read "any moment" to someone choosing where to go).
/// </summary>
public sealed record HallSummary(string Id, string Name, HallLevel Level, string? ParentId, int Waiting, int? EstimatedWaitMinutes)
{
    public int OpenWindows { get; init; }
    public int UnservedWaiting { get; init; }
}

public sealed record ServiceView(string Id, string Name, string Category, string Prefix, bool Bookable, double NormMinutes, ServiceGuide Guide)
{
    /// <summary>The English names the hall gave, if any (English pages show the Chinese ones otherwise).</summary>
    public string? NameEn { get; init; }
    public string? CategoryEn { get; init; }
}

[Immutable]
public sealed record WindowView(string Id, string HallId, int Number, string Name, IReadOnlyList<string> ServiceIds, WindowState State,
    Guid? CurrentTicketId, string? TicketNumber, string? StaffId)
{
    public string? NameEn { get; init; }

    /// <summary>Open or serving with someone at it (HallWindow.Attended): only such a window calls and enters estimates.</summary>
    public bool Attended { get; init; }
}

public sealed record HallDetail(string Id, string Name, HallLevel Level, string? ParentId, string RegionCode, string Address,
    HallSettings Settings, IReadOnlyList<ServiceView> Services, IReadOnlyList<WindowView> Windows);

public sealed record RecentCall(string TicketNumber, int WindowNumber, string WindowName, DateTimeOffset CalledAt);

/// <summary>
/// A service's line on the board. <see cref="EstimatedWaitMinutes"/> is what a ticket taken now would wait, null
/// while no open or serving window with someone at it offers the service (HallWindow.Attended): <see cref="OpenWindows"/> then is 0, and
/// <see cref="PausedWindows"/> tells whether a paused window does (so a screen can say "paused", not "no window").
/// </summary>
public sealed record ServiceQueue(string ServiceId, string ServiceName, string Category, int Count, int? EstimatedWaitMinutes)
{
    public string? ServiceNameEn { get; init; }
    public string? CategoryEn { get; init; }
    public int OpenWindows { get; init; }
    public int PausedWindows { get; init; }
}

public sealed record BoardWindow(string Id, int Number, string Name, WindowState State, string? TicketNumber)
{
    public string? NameEn { get; init; }

    /// <summary>Someone is at it (HallWindow.Attended); an open window nobody is at must not read 空闲 (come here) on a screen.</summary>
    public bool Attended { get; init; }

    /// <summary>Called (the citizen is on the way) or serving; lets a window display say which.</summary>
    public TicketStatus? TicketStatus { get; init; }

    /// <summary>
    /// The tickets this window's call-next gives next, in turn, if nothing else happens (EngineDispatch.CallOrders):
    /// the terminal's list and the wall's "请 X 号准备". Travels between silos, never in the public board's JSON.
    /// </summary>
    internal IReadOnlyList<Guid> CallOrder { get; init; } = [];
}

/// <summary>The wall display's picture of the hall (综合屏).</summary>
public sealed record Board(string HallId, long Seq, IReadOnlyList<RecentCall> RecentCalls, IReadOnlyList<ServiceQueue> Waiting, IReadOnlyList<BoardWindow> Windows)
{
    /// <summary>The hall's notices (公告), one entry per line.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];
}
