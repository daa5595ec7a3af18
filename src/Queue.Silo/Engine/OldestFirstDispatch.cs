using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Engine;

/// <summary>
/// The first rule: among the tickets the window may serve, priority tickets first, then the one that
/// has waited longest. It is also the baseline the simulator compares smarter policies against.
/// </summary>
public sealed class OldestFirstDispatch(bool honourPriority = true) : IDispatchPolicy
{
    public Ticket? PickNext(HallState hall, HallWindow window, DateTimeOffset now)
    {
        Ticket? best = null;
        foreach (var t in hall.WaitingTickets)
        {
            if (!hall.MayCall(window, t)) continue;
            if (best is null || Before(t, best)) best = t;
        }
        return best;
    }

    private bool Before(Ticket a, Ticket b)
    {
        if (honourPriority)
        {
            var pa = a.Priority != TicketPriority.Normal;
            var pb = b.Priority != TicketPriority.Normal;
            if (pa != pb) return pa;
        }
        return a.QueuedAt < b.QueuedAt || (a.QueuedAt == b.QueuedAt && string.CompareOrdinal(a.Number, b.Number) < 0);
    }
}
