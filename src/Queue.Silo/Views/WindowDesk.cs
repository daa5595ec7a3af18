using Queue.Silo.Engine;
using Queue.Silo.Tickets;

namespace Queue.Silo.Views;

/// <summary>What a staff terminal shows: the window, its current ticket, and the tickets it may call, in order.</summary>
public sealed record WindowDesk(WindowView Window, TicketView? Current, IReadOnlyList<TicketView> Waiting)
{
    public static WindowDesk Of(HallSnapshot snapshot, string windowId)
    {
        var window = snapshot.Detail.Windows.FirstOrDefault(w => w.Id == windowId) ?? throw HallException.NotFound("window", windowId);
        var current = window.CurrentTicketId is { } id ? snapshot.Tickets.GetValueOrDefault(id) : null;
        var waiting = snapshot.Tickets.Values
            .Where(t => t.Status == TicketStatus.Waiting && window.ServiceIds.Contains(t.ServiceId))
            .OrderBy(t => t.Priority == TicketPriority.Normal).ThenBy(t => t.IssuedAt).ToList();
        return new WindowDesk(window, current, waiting);
    }
}
