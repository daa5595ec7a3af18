using Queue.Silo.Engine;
using Queue.Silo.Tickets;

namespace Queue.Silo.Views;

/// <summary>
/// What a staff terminal shows: the window, its current ticket, the tickets it may call (in the order
/// staff see them), today's figures, and the hall's recall limit.
/// </summary>
public sealed record WindowDesk(WindowView Window, TicketView? Current, IReadOnlyList<TicketView> Waiting, WindowDay Today, int MaxRecalls)
{
    public static WindowDesk Of(HallSnapshot snapshot, string windowId)
    {
        var window = snapshot.Detail.Windows.FirstOrDefault(w => w.Id == windowId) ?? throw HallException.NotFound("window", windowId);
        var current = window.CurrentTicketId is { } id ? snapshot.Tickets.GetValueOrDefault(id) : null;
        var waiting = snapshot.Tickets.Values
            .Where(t => t.Status == TicketStatus.Waiting && window.ServiceIds.Contains(t.ServiceId) && (t.TargetWindowId is null || t.TargetWindowId == window.Id))
            .OrderBy(t => t.Priority == TicketPriority.Normal).ThenBy(t => t.IssuedAt).ToList();
        return new WindowDesk(window, current, waiting, WindowDay.Of(snapshot, window.Id), snapshot.Detail.Settings.MaxRecalls);
    }
}
