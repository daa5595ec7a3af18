using Queue.Silo.Tickets;

namespace Queue.Silo.Engine;

/// <summary>
/// Who may call a ticket, in one place: the engine (on tickets) and the staff terminal, console and
/// alerts (on ticket views) ask the same question, so nothing looks callable that call-next passes over.
/// </summary>
public static class CallRule
{
    /// <summary>
    /// Waiting, a service the window offers, not sent to another window, and the holder in the hall
    /// (a phone ticket before check-in keeps its place but cannot be called).
    /// </summary>
    public static bool Allows(TicketStatus status, bool windowServes, string? targetWindowId, string windowId, DateTimeOffset? arrivedAt) =>
        status == TicketStatus.Waiting && windowServes && (targetWindowId is null || targetWindowId == windowId) && arrivedAt is not null;
}
