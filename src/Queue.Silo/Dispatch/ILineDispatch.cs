using Queue.Silo.Tickets;

namespace Queue.Silo.Dispatch;

/// <summary>
/// A dispatch policy that can be stated over per-service lines: an order inside each line and a choice
/// between the heads of the lines a window may serve. The wait predictor replays exactly this choice
/// forward in time, so estimates follow the order in which windows will really call.
/// </summary>
public interface ILineDispatch
{
    /// <summary>Orders a service's line: smaller first.</summary>
    DateTimeOffset OrderKey(Ticket ticket);

    /// <summary>Index in <paramref name="heads"/> (all non-empty lines the window may serve) of the line to call from.</summary>
    int Choose(IReadOnlyList<LineHead> heads, DateTimeOffset now);
}
