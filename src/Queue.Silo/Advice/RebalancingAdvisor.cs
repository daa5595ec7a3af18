using Queue.Silo.Engine;
using Queue.Silo.Prediction;
using Queue.Silo.Simulation;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.Silo.Advice;

/// <summary>
/// Rebalancing advice (忙闲不均): for each calling window and each theme (category) it does not serve, or
/// serves next to others, a what-if run of the real engine (<see cref="HallSimulation"/> on a
/// <see cref="HallReplica"/>) from the live state over the next hour and a half, with arrivals at the rate
/// of the last hour and service times around each norm. All candidates see the same citizens (common
/// random numbers, three replications), so differences come from the change alone. Changes that cut the
/// predicted mean wait by at least half a minute and 5% are advised, best first.
/// </summary>
public sealed class RebalancingAdvisor(Func<IDispatchPolicy> dispatch)
{
    public const double HorizonMinutes = 90;
    private const int Replications = 3;
    private const int MaxItems = 6;
    private const int MaxThemes = 4;

    public HallAdvice Advise(HallSnapshot snapshot, DateTimeOffset now)
    {
        var demand = Demand(snapshot, now);
        var baseline = MeanWait(snapshot, now, demand, null, null);
        var themes = snapshot.Detail.Services.GroupBy(s => s.Category).Select(g => (Category: g.Key, Ids: g.Select(s => s.Id).ToList())).ToList();
        var waiting = snapshot.Tickets.Values.Where(t => t.Status == TicketStatus.Waiting).GroupBy(t => t.ServiceId).ToDictionary(g => g.Key, g => g.Count());
        var norms = snapshot.Detail.Services.ToDictionary(s => s.Id, s => s.NormMinutes);
        var calling = snapshot.Detail.Windows.Where(w => w.State is WindowState.Open or WindowState.Serving).ToList();
        // Work per theme (queued + expected in the horizon), per calling window able to serve it.
        double Pressure(List<string> ids) =>
            ids.Sum(id => (waiting.GetValueOrDefault(id) + demand.GetValueOrDefault(id) * HorizonMinutes / 60) * norms[id]) /
            Math.Max(1, calling.Count(w => w.ServiceIds.Any(ids.Contains)));
        var busiest = themes.Where(t => Pressure(t.Ids) > 0).OrderByDescending(t => Pressure(t.Ids)).Take(MaxThemes).ToList();

        var candidates = new List<(WindowView Window, bool Add, string Category, List<string> Skills)>();
        foreach (var w in calling)
        {
            foreach (var theme in busiest.Where(t => !t.Ids.All(w.ServiceIds.Contains)))
                candidates.Add((w, true, theme.Category, w.ServiceIds.Union(theme.Ids).ToList()));
            // Taking a theme away helps only when it frees the window for busier work it already has.
            foreach (var theme in themes.Where(t => t.Ids.Any(w.ServiceIds.Contains) && !busiest.Take(1).Any(b => b.Category == t.Category)))
            {
                var rest = w.ServiceIds.Except(theme.Ids).ToList();
                var othersServe = theme.Ids.Where(w.ServiceIds.Contains).All(id => calling.Any(o => o.Id != w.Id && o.ServiceIds.Contains(id)));
                if (rest.Count > 0 && othersServe) candidates.Add((w, false, theme.Category, rest));
            }
        }

        var items = new List<RebalancingAdvice>();
        // Windows alike (same state, same skills) give the same what-if: run each change once per kind of window.
        var tried = new Dictionary<string, double>();
        foreach (var (w, add, category, skills) in candidates)
        {
            var alike = $"{w.State}|{w.CurrentTicketId is not null}|{string.Join(',', w.ServiceIds.Order(StringComparer.Ordinal))}|{add}|{category}";
            if (!tried.TryGetValue(alike, out var after)) tried[alike] = after = MeanWait(snapshot, now, demand, w.Id, skills);
            if (baseline - after < Math.Max(0.5, 0.05 * baseline)) continue;
            var (before, predicted) = (Math.Round(baseline, 1), Math.Round(after, 1));
            items.Add(new RebalancingAdvice(w.Id, w.Number, w.Name, add, category, w.ServiceIds, skills, before, predicted,
                add ? $"为 {w.Name} 增加 {category}：预计平均等候 {before:F0} → {predicted:F0} 分钟" : $"{w.Name} 不再办理 {category}：预计平均等候 {before:F0} → {predicted:F0} 分钟",
                add ? $"add {category} to window {w.Number}: predicted mean wait {before:F0} → {predicted:F0} min" : $"remove {category} from window {w.Number}: predicted mean wait {before:F0} → {predicted:F0} min"));
        }
        // Best first, one suggestion per window and at most two per theme, so the list offers real alternatives.
        var chosen = new List<RebalancingAdvice>();
        foreach (var i in items.OrderBy(i => i.MeanWaitAfter).ThenBy(i => i.WindowNumber))
        {
            if (chosen.Count == MaxItems) break;
            if (chosen.Any(c => c.WindowId == i.WindowId) || chosen.Count(c => c.Category == i.Category && c.Add == i.Add) >= 2) continue;
            chosen.Add(i);
        }
        return new HallAdvice(snapshot.Detail.Id, snapshot.Seq, now, Math.Round(baseline, 1), tried.Count, chosen);
    }

    /// <summary>Predicted mean wait (minutes) of everyone waiting now or arriving within the horizon.</summary>
    public double MeanWait(HallSnapshot snapshot, DateTimeOffset now, IReadOnlyDictionary<string, double> demand, string? windowId, IReadOnlyCollection<string>? skills)
    {
        var total = 0.0;
        for (var r = 0; r < Replications; r++)
        {
            var state = HallReplica.From(snapshot, dispatch(), new ForwardRunPredictor(), windowId, skills);
            var norms = state.Services.ToDictionary(s => s.Id, s => s.NormMinutes);
            var seed = r * 7919 + 17;
            var sim = new HallSimulation(state, now, t => ServiceMinutes(norms[t.ServiceId], new Random(seed ^ t.Id.GetHashCode()))) { RecordEstimates = false };
            sim.StartDay(now);
            var arrivals = Arrivals(demand, norms, now, new Random(seed));
            sim.Run(arrivals);
            var end = sim.Now > now.AddMinutes(HorizonMinutes) ? sim.Now : now.AddMinutes(HorizonMinutes);
            // Tickets no window can serve count with the wait they would have by the end of the run.
            var waits = sim.Visits.Select(v => v.WaitMinutes).Concat(state.WaitingTickets.Select(t => (end - t.IssuedAt).TotalMinutes)).ToList();
            total += waits.Count == 0 ? 0 : waits.Average();
        }
        return total / Replications;
    }

    /// <summary>Tickets an hour per service, from the last hour of issues (or since the first ticket today, if sooner).</summary>
    public static IReadOnlyDictionary<string, double> Demand(HallSnapshot snapshot, DateTimeOffset now)
    {
        var today = snapshot.Tickets.Values.Where(t => t.IssuedAt <= now).ToList();
        if (today.Count == 0) return new Dictionary<string, double>();
        var from = now.AddHours(-1);
        var first = today.Min(t => t.IssuedAt);
        var span = Math.Max(30, (now - (first > from ? first : from)).TotalMinutes);
        return today.Where(t => t.IssuedAt >= from).GroupBy(t => t.ServiceId).ToDictionary(g => g.Key, g => g.Count() * 60 / span);
    }

    private static List<SimulatedArrival> Arrivals(IReadOnlyDictionary<string, double> demand, Dictionary<string, double> norms, DateTimeOffset now, Random random)
    {
        var all = new List<SimulatedArrival>();
        foreach (var (serviceId, perHour) in demand.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (perHour <= 0 || !norms.TryGetValue(serviceId, out var norm)) continue;
            var t = 0.0;
            while ((t += -Math.Log(1 - random.NextDouble()) * 60 / perHour) < HorizonMinutes)
                all.Add(new SimulatedArrival(now.AddMinutes(t), serviceId, ServiceMinutes(norm, random)));
        }
        all.Sort((a, b) => a.At.CompareTo(b.At));
        return all;
    }

    /// <summary>Service times around the norm with the spread typical of hall services (lognormal, cv 0.8).</summary>
    private static double ServiceMinutes(double norm, Random random)
    {
        const double sigma2 = 0.4855; // ln(1 + 0.8²)
        var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(Math.Log(Math.Max(0.5, norm)) - sigma2 / 2 + Math.Sqrt(sigma2) * z);
    }
}
