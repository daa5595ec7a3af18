using Queue.Silo.Engine;

namespace Queue.Silo.Views;

/// <summary>
/// What a staff terminal shows: the window, its current ticket, the tickets it may call now (the first
/// <see cref="Ordered"/> in the order call-next gives them, the rest by where each stands in its line), today's
/// figures, and the hall's recall limit. <see cref="Waiting"/> follows the engine's rule (<see cref="CallRule"/>),
/// so a listed ticket is one call-next can give.
/// </summary>
public sealed record WindowDesk(WindowView Window, TicketView? Current, IReadOnlyList<TicketView> Waiting, WindowDay Today, int MaxRecalls)
{
    /// <summary>How many of <see cref="Waiting"/> are in call-next's exact order (the terminal shows as many); the rest follow by line.</summary>
    public const int Ordered = 20;

    /// <summary>
    /// Phone tickets for this window whose holders have not checked in (未签到): shown apart so staff know they
    /// may come, never counted with <see cref="Waiting"/> — call-next passes them over until they arrive.
    /// </summary>
    public IReadOnlyList<TicketView> NotArrived { get; init; } = [];

    public static WindowDesk Of(HallSnapshot snapshot, string windowId)
    {
        var window = snapshot.Detail.Windows.FirstOrDefault(w => w.Id == windowId) ?? throw HallException.NotFound("window", windowId);
        var current = window.CurrentTicketId is { } id ? snapshot.Tickets.GetValueOrDefault(id) : null;
        var waiting = snapshot.Tickets.Values
            .Where(t => t.CallableBy(window))
            .OrderBy(t => t.LineFrom).ThenBy(t => t.Number, StringComparer.Ordinal).ToList(); // the lines' own order, merged
        // The first ones exactly as call-next will give them (the dispatch weighs lines, so merging by age is not its order).
        var board = snapshot.Board.Windows.FirstOrDefault(w => w.Id == windowId);
        if (board is { CallOrder.Count: > 0 })
        {
            var first = board.CallOrder.Select(snapshot.Tickets.GetValueOrDefault).OfType<TicketView>().Where(t => t.CallableBy(window)).ToList();
            if (first.Count == board.CallOrder.Count)
            {
                var listed = board.CallOrder.ToHashSet();
                waiting = [.. first, .. waiting.Where(t => !listed.Contains(t.Id))];
            }
        }
        // The same rule with the holder taken as present: what becomes callable once they check in.
        var notArrived = snapshot.Tickets.Values
            .Where(t => t.ArrivedAt is null && CallRule.Allows(t.Status, window.ServiceIds.Contains(t.ServiceId), t.TargetWindowId, window.Id, t.IssuedAt))
            .OrderBy(t => t.IssuedAt).ToList();
        return new WindowDesk(window, current, waiting, WindowDay.Of(snapshot, window.Id), snapshot.Detail.Settings.MaxRecalls) { NotArrived = notArrived };
    }
}
