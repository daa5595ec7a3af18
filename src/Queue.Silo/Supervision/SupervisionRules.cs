using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.Silo.Supervision;

/// <summary>
/// The 电子监察 rules, evaluated on a hall snapshot at a moment (so they need no extra state and every
/// node gives the same answer). Thresholds: a wait past the hall's target is yellow, twice the target red;
/// a window idle while a ticket it could call has waited 2 min is yellow, 10 min red; a service past twice
/// its norm is yellow, three times red; a window closed in opening hours with a queue for its services is
/// yellow, red once that queue has waited past the target. A wait counts from when the ticket could be
/// called (a phone ticket's check-in), and "could call" is the engine's rule (<see cref="CallRule"/>).
/// An idle or closed window's alert is keyed by its episode (see <see cref="EpisodeKey"/>), so acknowledging
/// it covers that episode only (decision 0078).
/// </summary>
public static class SupervisionRules
{
    public const double IdleYellowMinutes = 2;
    public const double IdleRedMinutes = 10;

    public static IReadOnlyList<HallAlert> Evaluate(HallSnapshot snapshot, DateTimeOffset now)
    {
        var settings = snapshot.Detail.Settings;
        var target = settings.TargetWaitMinutes;
        var services = snapshot.Detail.Services.ToDictionary(s => s.Id);
        var waiting = snapshot.Tickets.Values.Where(t => t.Status == TicketStatus.Waiting).ToList();
        var alerts = new List<HallAlert>();

        // Tickets whose holders are not in the hall yet wait on their way, not in the hall: no long-wait alert.
        foreach (var t in waiting.Where(t => t.CallableSince() is not null).OrderBy(t => t.CallableSince()))
        {
            var since = t.CallableSince()!.Value;
            var waited = (now - since).TotalMinutes;
            if (waited < target) continue;
            var red = waited >= 2 * target;
            alerts.Add(new HallAlert($"wait:{t.Id}", AlertKind.LongWait, red ? AlertLevel.Red : AlertLevel.Yellow,
                $"{t.Number}（{t.ServiceName}）已等候 {waited:F0} 分钟，超过目标 {target} 分钟",
                $"{t.Number} ({t.ServiceName}) has waited {waited:F0} min, past the {target} min target",
                since.AddMinutes(target), null, t.Number, t.ServiceId));
        }

        var hallNow = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(Hall.DefaultTimeZone));
        var local = TimeOnly.FromDateTime(hallNow.DateTime);
        var inOpeningHours = local >= settings.OpensAt && local < settings.ClosesAt;
        var openedToday = new DateTimeOffset(hallNow.Date + settings.OpensAt.ToTimeSpan(), hallNow.Offset);
        var lastActive = LastActivity(snapshot);
        foreach (var w in snapshot.Detail.Windows)
        {
            // What the window could call were it calling: a closed window is judged by the same rule as an idle one.
            var callable = waiting.Where(t => t.CallableBy(w)).ToList();
            if (callable.Count > 0)
            {
                var oldest = callable.Min(t => t.CallableSince()!.Value);
                var oldestWait = (now - oldest).TotalMinutes;
                var active = lastActive.TryGetValue(w.Id, out var a) ? a : (DateTimeOffset?)null;
                if (w.State == WindowState.Open && w.CurrentTicketId is null && oldestWait >= IdleYellowMinutes)
                {
                    // An idle window is expected to call: its episode began when it last worked, or — if every ticket that
                    // was waiting then has gone elsewhere — when the oldest it leaves waiting now became callable.
                    var episode = Max(active ?? oldest, oldest);
                    alerts.Add(new HallAlert(EpisodeKey("idle", w.Id, episode), AlertKind.IdleWindow, oldestWait >= IdleRedMinutes ? AlertLevel.Red : AlertLevel.Yellow,
                        $"{w.Name} 空闲，但有 {callable.Count} 人可由其办理（最长已等 {oldestWait:F0} 分钟）",
                        $"{w.Name} is idle while {callable.Count} tickets it could serve wait (longest {oldestWait:F0} min)",
                        Max(episode, oldest.AddMinutes(IdleYellowMinutes)), w.Number, null, null));
                }
                if (w.State == WindowState.Closed && inOpeningHours)
                {
                    // A closure is the manager's knowledge, not each ticket that comes while it lasts: the episode began
                    // when the window last worked (it closed after that), or at opening if it has not worked today.
                    var episode = active ?? openedToday;
                    alerts.Add(new HallAlert(EpisodeKey("closed", w.Id, episode), AlertKind.ClosedWithQueue, oldestWait >= target ? AlertLevel.Red : AlertLevel.Yellow,
                        $"{w.Name} 在办公时间关闭，其事项有 {callable.Count} 人排队",
                        $"{w.Name} is closed in opening hours while {callable.Count} tickets for its services wait",
                        Max(episode, oldest), w.Number, null, null));
                }
            }
            if (w.CurrentTicketId is { } id && snapshot.Tickets.TryGetValue(id, out var current) && current.CalledAt is { } called &&
                services.TryGetValue(current.ServiceId, out var service) && service.NormMinutes > 0)
            {
                var elapsed = (now - called).TotalMinutes;
                if (elapsed < 2 * service.NormMinutes) continue;
                alerts.Add(new HallAlert($"slow:{current.Id}", AlertKind.ServiceOverNorm, elapsed >= 3 * service.NormMinutes ? AlertLevel.Red : AlertLevel.Yellow,
                    $"{w.Name} 办理 {current.Number}（{service.Name}）已 {elapsed:F0} 分钟，远超标准 {service.NormMinutes:F0} 分钟",
                    $"{w.Name} has served {current.Number} ({service.Name}) for {elapsed:F0} min, far past its {service.NormMinutes:F0} min norm",
                    called.AddMinutes(2 * service.NormMinutes), w.Number, current.Number, service.Id));
            }
        }
        return alerts.OrderByDescending(a => a.Level).ThenBy(a => a.Since).ToList();
    }

    /// <summary>
    /// <c>idle:{windowId}:{start}</c> or <c>closed:{windowId}:{start}</c>, the episode's start in Unix milliseconds,
    /// so an acknowledgement (per key and level) covers the episode it was given for and the next one asks again.
    /// The snapshot keeps no time of a window's state changes; its last call, recall, start or finish is what
    /// tells one episode from the next (decision 0078).
    /// </summary>
    public static string EpisodeKey(string kind, string windowId, DateTimeOffset start) => $"{kind}:{windowId}:{start.ToUnixTimeMilliseconds()}";

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Per window, the last moment it called, recalled, started or finished a ticket today.</summary>
    private static Dictionary<string, DateTimeOffset> LastActivity(HallSnapshot snapshot)
    {
        var last = new Dictionary<string, DateTimeOffset>();
        foreach (var t in snapshot.Tickets.Values)
        {
            // A waiting or cancelled ticket's window is one that transferred it away: not that window's work now.
            if (t.WindowId is null || t.Status is TicketStatus.Waiting or TicketStatus.Cancelled) continue;
            var at = t.FinishedAt ?? t.StartedAt ?? t.CalledAt;
            if (at is { } latest && (!last.TryGetValue(t.WindowId, out var known) || latest > known)) last[t.WindowId] = latest;
        }
        return last;
    }
}
