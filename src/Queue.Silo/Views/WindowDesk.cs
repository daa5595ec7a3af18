using Queue.Silo.Engine;

namespace Queue.Silo.Views;

/// <summary>
/// What a staff terminal shows: the window, its current ticket, the tickets it may call now (each service's line
/// in the dispatch's order, merged by where each ticket stands: priority is a head start, not a rank), today's figures, and the hall's recall limit. <see cref="Waiting"/> follows the
/// engine's rule (<see cref="CallRule"/>), so a listed ticket is one call-next can give.
/// </summary>
public sealed record WindowDesk(WindowView Window, TicketView? Current, IReadOnlyList<TicketView> Waiting, WindowDay Today, int MaxRecalls)
{
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
        // The same rule with the holder taken as present: what becomes callable once they check in.
        var notArrived = snapshot.Tickets.Values
            .Where(t => t.ArrivedAt is null && CallRule.Allows(t.Status, window.ServiceIds.Contains(t.ServiceId), t.TargetWindowId, window.Id, t.IssuedAt))
            .OrderBy(t => t.IssuedAt).ToList();
        return new WindowDesk(window, current, waiting, WindowDay.Of(snapshot, window.Id), snapshot.Detail.Settings.MaxRecalls) { NotArrived = notArrived };
    }
}
