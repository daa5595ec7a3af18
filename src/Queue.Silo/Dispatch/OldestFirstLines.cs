using Queue.Silo.Engine;
using Queue.Silo.Tickets;

namespace Queue.Silo.Dispatch;

/// <summary>
/// <see cref="OldestFirstDispatch"/> stated over lines (priority tickets first, then the longest
/// waiting), so the predictor can replay a hall that runs the baseline policy.
/// </summary>
public sealed class OldestFirstLines : ILineDispatch
{
    /// <summary>Far enough back that every priority ticket sorts before every ordinary one.</summary>
    private static readonly TimeSpan PriorityLead = TimeSpan.FromDays(3650);

    public DateTimeOffset OrderKey(Ticket ticket) =>
        ticket.Priority == TicketPriority.Normal ? ticket.QueuedAt : ticket.QueuedAt - PriorityLead;

    public int Choose(IReadOnlyList<LineHead> heads, DateTimeOffset now)
    {
        var best = 0;
        for (var i = 1; i < heads.Count; i++)
        {
            var c = heads[i].OrderKey.CompareTo(heads[best].OrderKey);
            if (c < 0 || (c == 0 && string.CompareOrdinal(heads[i].Number, heads[best].Number) < 0)) best = i;
        }
        return best;
    }
}
