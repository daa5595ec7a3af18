using Queue.Silo.Floor;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Silo.Windows;

/// <summary>
/// A window (key <see cref="WindowKey"/>): the terminal's commands go through it one at a time, and it keeps the
/// window's day — who worked it, its counters and its live score fed by ratings (decision 0090). It asks the hall
/// grain for every ticket and never picks one itself: which ticket a window calls is the hall's rule alone.
/// </summary>
public interface IWindowGrain : IGrainWithStringKey
{
    /// <summary>The next ticket the hall gives this window, or null when none waits.</summary>
    Task<TicketView?> CallNext(string? staffId);
    Task<TicketView> Recall();
    Task<TicketView> Start();
    Task<TicketView> Complete(TicketOutcome outcome, string? note);

    /// <summary>办结 with what the outcome needs (the promised day, the missing materials), checked against the matter's guide.</summary>
    Task<TicketView> CompleteWith(TicketCompletion completion);
    Task<TicketView> NoShow();
    Task<TicketView> Transfer(string serviceId, string? targetWindowId);

    Task<WindowView> Open(string? staffId);
    Task<WindowView> Close();
    Task<WindowView> Pause();
    Task<WindowView> Resume();
    Task<WindowView> SetServices(IReadOnlyList<string> serviceIds, string actor);

    /// <summary>The window's day so far; answered between commands, never waiting for one.</summary>
    [AlwaysInterleave]
    Task<WindowWorkday> Today();

    /// <summary>A rating of a ticket served here was committed: the live score is stale.</summary>
    [OneWay, AlwaysInterleave]
    Task Rated(Guid ratingId);
}
