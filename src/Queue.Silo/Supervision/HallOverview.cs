using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.Silo.Supervision;

/// <summary>A window as the manager console shows it: what it does now and how much work waits for it.</summary>
public sealed record WindowLoad(string Id, int Number, string Name, WindowState State, IReadOnlyList<string> ServiceIds, string? TicketNumber,
    string? ServiceName, double? ElapsedMinutes, int ServedToday, double PendingMinutes, bool IdleWithWork)
{
    /// <summary>Someone is at it (HallWindow.Attended); the console's badge says so of an open window nobody is at.</summary>
    public bool Attended { get; init; }
}

/// <summary>A service's queue: how many wait, how long the longest has waited, today's mean wait, the estimate for a new ticket.</summary>
public sealed record ServiceLoad(string Id, string Name, string Category, double NormMinutes, int Waiting, double OldestWaitMinutes,
    double? MeanWaitTodayMinutes, int? EstimatedWaitMinutes, int AbleWindows, double PressureMinutes);

/// <summary>
/// The manager console's picture of a hall (忙闲不均 at a glance). <see cref="PendingMinutes"/> of a window
/// is the queued work it could take on — Σ over its services of waiting × norm ÷ calling windows able to
/// serve them; <see cref="ImbalanceMinutes"/> is the spread of that between the most and least loaded
/// calling windows. <see cref="WindowLoad.IdleWithWork"/> follows the engine's calling rule: a phone ticket
/// not checked in or a ticket sent to another window is no work for an idle window.
/// </summary>
public sealed record HallOverview(string HallId, string HallName, long Seq, DateTimeOffset At, int Waiting, int Calling, int Busy, int Idle,
    int IdleWithWork, double ImbalanceMinutes, int TargetWaitMinutes, IReadOnlyList<WindowLoad> Windows, IReadOnlyList<ServiceLoad> Services)
{
    public static HallOverview Of(HallSnapshot snapshot, DateTimeOffset now)
    {
        var detail = snapshot.Detail;
        var tickets = snapshot.Tickets.Values;
        var waiting = tickets.Where(t => t.Status == TicketStatus.Waiting).ToList();
        var calling = detail.Windows.Where(w => w.State is WindowState.Open or WindowState.Serving).ToList();
        var estimates = snapshot.Board.Waiting.ToDictionary(q => q.ServiceId, q => q.EstimatedWaitMinutes);
        var services = detail.Services.Select(s =>
        {
            var queue = waiting.Where(t => t.ServiceId == s.Id).ToList();
            // The longest wait in the hall: a phone ticket counts from its check-in, and one not checked in not at all.
            var inHall = queue.Where(t => t.CallableSince() is not null).ToList();
            // Today's mean wait, from when a ticket could be called to its first call (kept through recalls and transfers).
            var called = tickets.Where(t => t.ServiceId == s.Id && t.FirstCalledAt is not null && t.CallableSince() is not null).ToList();
            var able = calling.Count(w => w.ServiceIds.Contains(s.Id));
            return new ServiceLoad(s.Id, s.Name, s.Category, s.NormMinutes, queue.Count,
                inHall.Count == 0 ? 0 : Math.Round((now - inHall.Min(t => t.CallableSince()!.Value)).TotalMinutes, 1),
                called.Count == 0 ? null : Math.Round(called.Average(t => (t.FirstCalledAt!.Value - t.CallableSince()!.Value).TotalMinutes), 1),
                estimates.GetValueOrDefault(s.Id), able, Math.Round(queue.Count * s.NormMinutes / Math.Max(1, able), 1));
        }).ToList();
        var pressure = services.ToDictionary(s => s.Id, s => s.AbleWindows == 0 ? s.Waiting * s.NormMinutes : s.PressureMinutes);
        var served = tickets.Where(t => t.Status == TicketStatus.Done && t.WindowNumber is not null).GroupBy(t => t.WindowNumber!.Value).ToDictionary(g => g.Key, g => g.Count());
        var windows = detail.Windows.Select(w =>
        {
            var current = w.CurrentTicketId is { } id ? snapshot.Tickets.GetValueOrDefault(id) : null;
            var pending = w.ServiceIds.Sum(s => pressure.GetValueOrDefault(s));
            var idleWithWork = w.State == WindowState.Open && w.CurrentTicketId is null && waiting.Any(t => t.CallableBy(w));
            return new WindowLoad(w.Id, w.Number, w.Name, w.State, w.ServiceIds, current?.Number, current?.ServiceName,
                current?.CalledAt is { } c ? Math.Round((now - c).TotalMinutes, 1) : null, served.GetValueOrDefault(w.Number), Math.Round(pending, 1), idleWithWork)
            {
                Attended = w.Attended,
            };
        }).ToList();
        var callingLoads = windows.Where(w => w.State is WindowState.Open or WindowState.Serving).Select(w => w.PendingMinutes).ToList();
        return new HallOverview(detail.Id, detail.Name, snapshot.Seq, now, waiting.Count, calling.Count,
            calling.Count(w => w.State == WindowState.Serving), calling.Count(w => w.State == WindowState.Open), windows.Count(w => w.IdleWithWork),
            callingLoads.Count == 0 ? 0 : Math.Round(callingLoads.Max() - callingLoads.Min(), 1), detail.Settings.TargetWaitMinutes, windows, services);
    }
}
