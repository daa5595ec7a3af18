using Queue.Silo.Dispatch;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Engine;

/// <summary>
/// The first rule and the simulator's baseline: among the tickets the window may serve, priority tickets
/// first, then the one that has waited longest. Stated over lines too (<see cref="ILineDispatch"/>), so
/// the predictor can replay a hall that runs it.
/// </summary>
public sealed class OldestFirstDispatch : IDispatchPolicy, ILineDispatch
{
    /// <summary>Far enough back that every priority ticket sorts before every ordinary one.</summary>
    private static readonly TimeSpan PriorityLead = TimeSpan.FromDays(3650);

    public DateTimeOffset OrderKey(Ticket ticket) =>
        ticket.Priority == TicketPriority.Normal ? ticket.QueuedAt : ticket.QueuedAt - PriorityLead;

    public Ticket? PickNext(HallState hall, HallWindow window, DateTimeOffset now)
    {
        Ticket? best = null;
        foreach (var t in hall.WaitingTickets)
        {
            if (!hall.MayCall(window, t)) continue;
            if (best is null || Before(OrderKey(t), t.Number, OrderKey(best), best.Number)) best = t;
        }
        return best;
    }

    public int Choose(IReadOnlyList<LineHead> heads, DateTimeOffset now)
    {
        var best = 0;
        for (var i = 1; i < heads.Count; i++)
            if (Before(heads[i].OrderKey, heads[i].Number, heads[best].OrderKey, heads[best].Number)) best = i;
        return best;
    }

    private static bool Before(DateTimeOffset key, string number, DateTimeOffset otherKey, string otherNumber) =>
        key < otherKey || (key == otherKey && string.CompareOrdinal(number, otherNumber) < 0);
}
