using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Ratings;

/// <summary>
/// Scores per window, staff member, service, category or hall over a period of service days:
/// satisfaction rate, weighted score, 主动评价率, 差评整改率, on-time rate, and the window performance score.
/// A ticket counts with its latest rating (the 追评 replaces the first); excluded 差评 count nowhere.
/// </summary>
public sealed class RatingScores(IDbContextFactory<QueueDb> dbs)
{
    public const double SatisfactionWeight = 0.6, ThroughputWeight = 0.2, HandlingWeight = 0.2;

    /// <summary>
    /// How <see cref="ScoreRow.PerformanceScore"/> is computed, shown wherever the score is shown; in Chinese, and the
    /// key of its translations in the pages' resources (Texts).
    /// </summary>
    public const string Formula =
        "绩效分 = 100 × (0.6 × 加权满意分 ÷ 最高档权重 + 0.2 × min(1, 办件量 ÷ 同类平均办件量) + 0.2 × min(1, 标准用时合计 ÷ 实际用时合计))";

    public async Task<IReadOnlyList<ScoreRow>> ComputeAsync(string hallId, DateOnly from, DateOnly to, ScoreGrouping by, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var policy = await RatingPolicies.GetAsync(db, hallId, ct);
        var services = await db.Services.AsNoTracking().Where(s => s.HallId == hallId).ToDictionaryAsync(s => s.Id, ct);
        var windows = await db.Windows.AsNoTracking().Where(w => w.HallId == hallId).ToDictionaryAsync(w => w.Id, ct);
        var staff = await db.Accounts.AsNoTracking().Where(a => a.HallId == hallId || a.WindowId != null).ToDictionaryAsync(a => a.Id, ct);
        var hallName = await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => h.Name).FirstOrDefaultAsync(ct) ?? hallId;

        var served = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.Status == TicketStatus.Done && t.BusinessDay >= from && t.BusinessDay <= to)
            .Select(t => new Served(t.Id, t.WindowId ?? "", t.StaffId, t.ServiceId, t.CalledAt, t.StartedAt, t.FinishedAt))
            .ToListAsync(ct);
        var ratings = await db.Set<Rating>().AsNoTracking()
            .Where(r => r.HallId == hallId && r.BusinessDay >= from && r.BusinessDay <= to)
            .Select(r => new Rated(r.TicketId, r.WindowId, r.StaffId, r.ServiceId, r.Round, r.Level, r.Channel, r.ExcludedAt != null))
            .ToListAsync(ct);
        var cases = await db.Set<BadReviewCase>().AsNoTracking()
            .Where(c => c.HallId == hallId && c.OpenedDay >= from && c.OpenedDay <= to)
            .Select(c => new Case(c.WindowId, c.StaffId, c.ServiceId, c.State, c.ClosedOnTime))
            .ToListAsync(ct);

        string Category(string serviceId) => services.TryGetValue(serviceId, out var s) ? s.Category : serviceId;
        string Key(string windowId, string? staffId, string serviceId) => by switch
        {
            ScoreGrouping.Window => windowId,
            ScoreGrouping.Staff => staffId ?? "",
            ScoreGrouping.Service => serviceId,
            ScoreGrouping.Category => Category(serviceId),
            _ => hallId,
        };
        string Name(string key) => by switch
        {
            ScoreGrouping.Window => windows.TryGetValue(key, out var w) ? w.Name : key,
            ScoreGrouping.Staff => staff.TryGetValue(key, out var a) ? $"{a.DisplayName}（{a.StaffNumber}）" : (key == "" ? "—" : key),
            ScoreGrouping.Service => services.TryGetValue(key, out var s) ? s.Name : key,
            ScoreGrouping.Category => key,
            _ => hallName,
        };

        // The latest round per ticket is the one that counts.
        var effective = ratings.GroupBy(r => r.TicketId).Select(g => g.OrderByDescending(r => r.Round).First()).ToList();
        var keys = served.Select(t => Key(t.WindowId, t.StaffId, t.ServiceId))
            .Concat(effective.Select(r => Key(r.WindowId, r.StaffId, r.ServiceId)))
            .Concat(cases.Select(c => Key(c.WindowId, c.StaffId, c.ServiceId))).Distinct().ToList();
        var servedBy = served.ToLookup(t => Key(t.WindowId, t.StaffId, t.ServiceId));
        var meanServed = keys.Count == 0 ? 0 : (double)served.Count / keys.Count;

        var rows = new List<ScoreRow>();
        foreach (var key in keys)
        {
            var mine = servedBy[key].ToList();
            var rated = effective.Where(r => Key(r.WindowId, r.StaffId, r.ServiceId) == key).ToList();
            var counted = rated.Where(r => !r.Excluded).ToList();
            var active = ratings.Count(r => r.Round == 1 && r.Channel != RatingChannel.SystemDefault && Key(r.WindowId, r.StaffId, r.ServiceId) == key);
            var myCases = cases.Where(c => Key(c.WindowId, c.StaffId, c.ServiceId) == key).ToList();
            var live = myCases.Where(c => c.State != BadReviewState.Excluded).ToList();
            var closed = live.Where(c => c.State == BadReviewState.Closed).ToList();

            double? weighted = counted.Count == 0 ? null : counted.Average(r => (double)policy.Weight(r.Level));
            var handled = mine.Where(t => t.FinishedAt is not null && (t.StartedAt ?? t.CalledAt) is not null).ToList();
            double? avgMinutes = handled.Count == 0 ? null : handled.Average(t => (t.FinishedAt!.Value - (t.StartedAt ?? t.CalledAt)!.Value).TotalMinutes);
            var actualTotal = handled.Sum(t => (t.FinishedAt!.Value - (t.StartedAt ?? t.CalledAt)!.Value).TotalMinutes);
            var normTotal = handled.Sum(t => services.TryGetValue(t.ServiceId, out var s) ? s.NormMinutes : 0);
            double? normAverage = handled.Count == 0 ? null : normTotal / handled.Count;

            double? performance = null;
            if (mine.Count > 0)
            {
                // Unrated services will take the hall's default level, so that is what they count as until rated.
                // A share of the hall's top weight (10 by default, 100 on a 100-point scale), so the score stays within 0–100.
                var satisfaction = policy.TopWeight <= 0 ? 0 : (weighted ?? policy.Weight(policy.DefaultLevel)) / policy.TopWeight;
                var throughput = meanServed <= 0 ? 0 : Math.Min(1, mine.Count / meanServed);
                var handling = actualTotal <= 0 ? 1 : Math.Min(1, normTotal / actualTotal);
                performance = Math.Round(100 * (SatisfactionWeight * satisfaction + ThroughputWeight * throughput + HandlingWeight * handling), 1);
            }
            rows.Add(new ScoreRow(key, Name(key), mine.Count, counted.Count, active, counted.Count(r => r.Level.IsSatisfied()), counted.Count(r => r.Level.IsBad()),
                rated.Count - counted.Count, Rate(counted.Count(r => r.Level.IsSatisfied()), counted.Count), weighted is null ? null : Math.Round(weighted.Value, 2),
                Rate(active, mine.Count), live.Count, closed.Count, Rate(closed.Count, live.Count), Rate(closed.Count(c => c.ClosedOnTime == true), closed.Count),
                avgMinutes is null ? null : Math.Round(avgMinutes.Value, 1), normAverage is null ? null : Math.Round(normAverage.Value, 1), performance));
        }
        return rows.OrderByDescending(r => r.PerformanceScore ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The hall's scores for each period of a trend, oldest first.</summary>
    public async Task<IReadOnlyList<(ScorePeriod Period, ScoreRow? Row)>> TrendAsync(string hallId, IReadOnlyList<ScorePeriod> periods, CancellationToken ct = default)
    {
        var list = new List<(ScorePeriod, ScoreRow?)>();
        foreach (var p in periods)
            list.Add((p, (await ComputeAsync(hallId, p.From, p.To, ScoreGrouping.Hall, ct)).FirstOrDefault()));
        return list;
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private sealed record Served(Guid Id, string WindowId, string? StaffId, string ServiceId, DateTimeOffset? CalledAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

    private sealed record Rated(Guid TicketId, string WindowId, string? StaffId, string ServiceId, int Round, RatingLevel Level, RatingChannel Channel, bool Excluded);

    private sealed record Case(string WindowId, string? StaffId, string ServiceId, BadReviewState State, bool? ClosedOnTime);
}
