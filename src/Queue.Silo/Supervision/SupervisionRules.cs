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
/// yellow, red once that queue has waited past the target.
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

        foreach (var t in waiting.OrderBy(t => t.IssuedAt))
        {
            var waited = (now - t.IssuedAt).TotalMinutes;
            if (waited < target) continue;
            var red = waited >= 2 * target;
            alerts.Add(new HallAlert($"wait:{t.Id}", AlertKind.LongWait, red ? AlertLevel.Red : AlertLevel.Yellow,
                $"{t.Number}（{t.ServiceName}）已等候 {waited:F0} 分钟，超过目标 {target} 分钟",
                $"{t.Number} ({t.ServiceName}) has waited {waited:F0} min, past the {target} min target",
                t.IssuedAt.AddMinutes(target), null, t.Number, t.ServiceId));
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(Hall.DefaultTimeZone)).DateTime);
        var inOpeningHours = local >= settings.OpensAt && local < settings.ClosesAt;
        foreach (var w in snapshot.Detail.Windows)
        {
            var callable = waiting.Where(t => w.ServiceIds.Contains(t.ServiceId)).ToList();
            var oldest = callable.Count == 0 ? (DateTimeOffset?)null : callable.Min(t => t.IssuedAt);
            var oldestWait = oldest is { } o ? (now - o).TotalMinutes : 0;
            if (w.State == WindowState.Open && w.CurrentTicketId is null && oldestWait >= IdleYellowMinutes)
            {
                alerts.Add(new HallAlert($"idle:{w.Id}", AlertKind.IdleWindow, oldestWait >= IdleRedMinutes ? AlertLevel.Red : AlertLevel.Yellow,
                    $"{w.Name} 空闲，但有 {callable.Count} 人可由其办理（最长已等 {oldestWait:F0} 分钟）",
                    $"{w.Name} is idle while {callable.Count} tickets it could serve wait (longest {oldestWait:F0} min)",
                    oldest!.Value.AddMinutes(IdleYellowMinutes), w.Number, null, null));
            }
            if (w.State == WindowState.Closed && inOpeningHours && callable.Count > 0)
            {
                alerts.Add(new HallAlert($"closed:{w.Id}", AlertKind.ClosedWithQueue, oldestWait >= target ? AlertLevel.Red : AlertLevel.Yellow,
                    $"{w.Name} 在办公时间关闭，其事项有 {callable.Count} 人排队",
                    $"{w.Name} is closed in opening hours while {callable.Count} tickets for its services wait",
                    oldest!.Value, w.Number, null, null));
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
}
