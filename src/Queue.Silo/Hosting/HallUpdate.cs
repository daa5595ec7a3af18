using Queue.Silo.Engine;
using Queue.Silo.Views;

namespace Queue.Silo.Hosting;

/// <summary>
/// What changed in a hall: the events committed (by this node or, after a reload, by another) and the
/// snapshots before and after. Displays, phones and the manager console are projections of these.
/// </summary>
public sealed record HallUpdate(string HallId, IReadOnlyList<HallEvent> Events, HallSnapshot? Before, HallSnapshot After)
{
    /// <summary>
    /// Committed by the hall grain on this silo, not heard from another silo: with a hub backplane, the hall's pushes
    /// to everyone start here and only here (decision 0090).
    /// </summary>
    public bool CommittedHere { get; init; }
}
