using Queue.Silo.Services;

namespace Queue.Silo.Reports;

/// <summary>
/// What the staffing plan needs, gathered in the report's pass: arrivals per category, weekday and hour; handling
/// times per category; and which windows called a ticket of the category in each hour of each day.
/// </summary>
public sealed class StaffingCounts
{
    private readonly Dictionary<(string Category, int Weekday, int Hour), int> arrivals = [];
    private readonly Dictionary<string, (double Sum, int Count)> handling = [];
    private readonly HashSet<(string Category, DateOnly Day, int Hour, short Window)> seen = [];

    public void Add(in TicketFact t, string category, int weekday)
    {
        var key = (category, weekday, t.ArrivalHour);
        arrivals[key] = arrivals.GetValueOrDefault(key) + 1;
        if (t.HandlingMinutes is { } h)
        {
            var (sum, count) = handling.GetValueOrDefault(category);
            handling[category] = (sum + h, count + 1);
        }
        if (t.CalledHour >= 0 && t.Window >= 0) seen.Add((category, t.BusinessDay, t.CalledHour, t.Window));
    }

    /// <summary>
    /// Per weekday, hour and category: Erlang C with each category's own windows (a window helping two categories
    /// is counted in both, so the plan errs towards more windows, never fewer).
    /// </summary>
    public IReadOnlyList<StaffingCell> Plan(int[] openDays, IReadOnlyList<Service> services, int targetMinutes)
    {
        var open = new Dictionary<(string, int, int), int>();
        foreach (var (category, day, hour, _) in seen)
        {
            var key = (category, QueueReports.Weekday(day), hour);
            open[key] = open.GetValueOrDefault(key) + 1;
        }
        var cells = new List<StaffingCell>();
        foreach (var key in arrivals.Keys.Union(open.Keys).OrderBy(k => k.Item2).ThenBy(k => k.Item3).ThenBy(k => k.Item1, StringComparer.Ordinal))
        {
            var (category, weekday, hour) = key;
            var days = openDays[weekday];
            if (days == 0) continue;
            var rate = arrivals.GetValueOrDefault(key) / (double)days;
            var service = MeanHandling(category, services);
            var needed = ErlangC.WindowsFor(rate, service, targetMinutes);
            var windowsOpen = open.GetValueOrDefault(key) / (double)days;
            cells.Add(new StaffingCell(weekday, hour, category, Math.Round(rate, 2), Math.Round(service, 2), needed,
                Finite(ErlangC.MeanWaitMinutes(rate, service, needed)), Math.Round(windowsOpen, 2),
                Finite(ErlangC.MeanWaitMinutes(rate, service, (int)Math.Round(windowsOpen)))));
        }
        return cells;
    }

    // A category with no handling measured yet falls back to the norms of its matters.
    private double MeanHandling(string category, IReadOnlyList<Service> services)
    {
        if (handling.TryGetValue(category, out var h) && h.Count > 0) return h.Sum / h.Count;
        var norms = services.Where(s => s.Category == category).Select(s => s.NormMinutes).ToList();
        return norms.Count > 0 ? norms.Average() : 10;
    }

    private static double? Finite(double minutes) => double.IsFinite(minutes) ? Math.Round(minutes, 2) : null;
}
