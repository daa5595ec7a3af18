using Queue.Silo.Engine;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Dispatch;

/// <summary>
/// The hall's dispatch (科学派号). Inside a service's line, tickets go by the time they count as queued
/// from (<see cref="PriorityHeadStart"/>). Between the lines a window may serve, it takes the head with the
/// highest score = minutes that head has waited + a balancing term: a bonus for lines that are long
/// compared with the windows able to serve them (a window helps first the queue fewer other windows can
/// help), minus a penalty for lines whose other windows would be left with nothing to call (they should
/// keep that work). The term is clamped to ±cap. A generalist window (one that shares a service with a
/// window serving fewer services) also gives short services a head start of min(weight × norm, cap)
/// minutes over long ones — the cμ rule, bounded: its time is best spent on what clears the most
/// citizens per minute, and the long services have specialists of their own. Both terms are bounded, so
/// no ticket is ever overtaken by one queued more than <see cref="MaxOvertakeMinutes"/> after it: ageing
/// bounds every overtaking. The defaults were tuned with the simulator on the shared scenarios
/// (docs/benchmarks.md, decision 0055).
/// </summary>
public sealed class EngineDispatch(double balanceWeight = EngineDispatch.DefaultBalanceWeight, double balanceCapMinutes = EngineDispatch.DefaultBalanceCapMinutes,
    double starvationWeight = EngineDispatch.DefaultStarvationWeight, double shortServiceWeight = EngineDispatch.DefaultShortServiceWeight,
    double shortServiceCapMinutes = EngineDispatch.DefaultShortServiceCapMinutes)
    : IDispatchPolicy, ILineDispatch
{
    public const double DefaultBalanceWeight = 1.0;
    public const double DefaultBalanceCapMinutes = 30;
    public const double DefaultStarvationWeight = 1.0;
    public const double DefaultShortServiceWeight = 3.0;
    public const double DefaultShortServiceCapMinutes = 45;

    /// <summary>No ticket is called while an eligible ticket queued more than this many minutes earlier waits.</summary>
    public double MaxOvertakeMinutes => 2 * balanceCapMinutes + shortServiceCapMinutes + PriorityHeadStart.MaxMinutes;

    public DateTimeOffset OrderKey(Ticket ticket) => PriorityHeadStart.EffectiveQueuedAt(ticket);

    public Ticket? PickNext(HallState hall, HallWindow window, DateTimeOffset now)
    {
        var lines = new Dictionary<string, (Ticket Head, DateTimeOffset Key, int Count)>();
        foreach (var t in hall.WaitingTickets)
        {
            if (!hall.MayCall(window, t)) continue;
            var key = OrderKey(t);
            if (!lines.TryGetValue(t.ServiceId, out var line)) lines[t.ServiceId] = (t, key, 1);
            else if (key < line.Key || (key == line.Key && string.CompareOrdinal(t.Number, line.Head.Number) < 0)) lines[t.ServiceId] = (t, key, line.Count + 1);
            else lines[t.ServiceId] = line with { Count = line.Count + 1 };
        }
        if (lines.Count == 0) return null;
        var counts = new Dictionary<string, int>();
        foreach (var t in hall.WaitingTickets) counts[t.ServiceId] = counts.GetValueOrDefault(t.ServiceId) + 1;
        var generalist = IsGeneralist(hall.Windows, window);
        var heads = new List<LineHead>(lines.Count);
        var tickets = new List<Ticket>(lines.Count);
        foreach (var (serviceId, line) in lines)
        {
            heads.Add(new LineHead(serviceId, line.Key, line.Head.Number, line.Count, AbleWindows(hall, serviceId),
                hall.FindService(serviceId)?.NormMinutes ?? 5, NeighbourStarvation(hall.Windows, window, serviceId, counts), generalist));
            tickets.Add(line.Head);
        }
        return tickets[Choose(heads, now)];
    }

    /// <summary>
    /// For every window, the first <paramref name="max"/> tickets its call-next gives one after another if nothing
    /// else happens meanwhile (no arrival, no check-in, no other window calling): <see cref="PickNext"/> repeated,
    /// each pick leaving its line and the neighbours' work. What a terminal lists and the wall asks to get ready.
    /// Reads <paramref name="lines"/> (each service's waiting tickets in <see cref="OrderKey"/> order, as the
    /// snapshot keeps them) and builds each head as <see cref="PickNext"/> does from figures fixed per service, since
    /// it runs in every snapshot: a window costs the heads it looks at, not a scan of the hall per pick.
    /// </summary>
    public Dictionary<string, List<Ticket>> CallOrders(HallState hall, IReadOnlyDictionary<string, List<Ticket>> lines, DateTimeOffset now, int max)
    {
        // Per service: the tickets any window serving it may call (present, not sent to a window), and per window those sent to it.
        var open = new Dictionary<string, int>();
        var sent = new Dictionary<(string Service, string Window), int>();
        foreach (var (serviceId, line) in lines)
        {
            var n = 0;
            foreach (var t in line)
            {
                if (t.ArrivedAt is null) continue;
                if (t.TargetWindowId is null) n++;
                else sent[(serviceId, t.TargetWindowId)] = sent.GetValueOrDefault((serviceId, t.TargetWindowId)) + 1;
            }
            open[serviceId] = n;
        }
        var windows = hall.Windows.ToList();
        var baseWork = windows.Select(w => w.ServiceIds.Sum(s => lines.TryGetValue(s, out var l) ? l.Count : 0)).ToArray();
        // Per service, fixed while nothing happens: able windows, norm, and the attended windows serving it (in hall order, as NeighbourStarvation sums).
        var able = new Dictionary<string, int>(lines.Count);
        var norm = new Dictionary<string, double>(lines.Count);
        var servers = new Dictionary<string, int[]>(lines.Count);
        foreach (var serviceId in lines.Keys)
        {
            able[serviceId] = AbleWindows(hall, serviceId);
            norm[serviceId] = hall.FindService(serviceId)?.NormMinutes ?? 5;
            servers[serviceId] = Enumerable.Range(0, windows.Count).Where(k => windows[k].Attended && windows[k].Serves(serviceId)).ToArray();
        }
        var result = new Dictionary<string, List<Ticket>>(windows.Count);
        var heads = new List<LineHead>();
        var headLines = new List<int>();
        var work = new int[windows.Count];
        for (var me = 0; me < windows.Count; me++)
        {
            var window = windows[me];
            var order = new List<Ticket>();
            result[window.Id] = order;
            // A closed window calls nothing; its terminal falls back to line order until it opens.
            if (window.State == WindowState.Closed) continue;
            var served = window.ServiceIds.Distinct().Where(lines.ContainsKey).ToList();
            if (served.Count == 0) continue;
            var cursor = new int[served.Count];
            var callable = served.Select(s => open[s] + sent.GetValueOrDefault((s, window.Id))).ToArray();
            baseWork.CopyTo(work, 0);
            var generalist = IsGeneralist(windows, window);
            while (order.Count < max)
            {
                heads.Clear();
                headLines.Clear();
                for (var i = 0; i < served.Count; i++)
                {
                    var line = lines[served[i]];
                    while (cursor[i] < line.Count && !hall.MayCall(window, line[cursor[i]])) cursor[i]++;
                    if (cursor[i] == line.Count) continue;
                    var starvation = 0.0;
                    foreach (var k in servers[served[i]])
                        if (k != me) starvation += Starvation(work[k]);
                    var head = line[cursor[i]];
                    heads.Add(new LineHead(served[i], OrderKey(head), head.Number, callable[i], able[served[i]], norm[served[i]], starvation, generalist));
                    headLines.Add(i);
                }
                if (heads.Count == 0) break;
                var chosen = headLines[Choose(heads, now)];
                order.Add(lines[served[chosen]][cursor[chosen]++]);
                callable[chosen]--;
                for (var k = 0; k < windows.Count; k++)
                    if (windows[k].Serves(served[chosen])) work[k]--;
            }
        }
        return result;
    }

    public int Choose(IReadOnlyList<LineHead> heads, DateTimeOffset now)
    {
        var best = 0;
        var bestScore = Score(heads[0], now);
        for (var i = 1; i < heads.Count; i++)
        {
            var score = Score(heads[i], now);
            if (score > bestScore || (score == bestScore && Earlier(heads[i], heads[best])))
            {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>Windows not closed, with someone at them, that serve the service (at least one, the caller itself).</summary>
    public static int AbleWindows(HallState hall, string serviceId)
    {
        var able = 0;
        foreach (var w in hall.Windows)
            if (Staffed(w) && w.Serves(serviceId)) able++;
        return Math.Max(1, able);
    }

    /// <summary>
    /// Σ over the other calling windows (<see cref="HallWindow.Attended"/>) that serve <paramref name="serviceId"/> of 1 ÷ (tickets waiting for
    /// their services): large when taking from this line would leave a neighbour with nothing to call.
    /// </summary>
    public static double NeighbourStarvation(IEnumerable<HallWindow> windows, HallWindow me, string serviceId, IReadOnlyDictionary<string, int> waitingByService)
    {
        var starvation = 0.0;
        foreach (var w in windows)
        {
            if (w.Id == me.Id || !w.Attended || !w.Serves(serviceId)) continue;
            var work = 0;
            foreach (var s in w.ServiceIds) work += waitingByService.GetValueOrDefault(s);
            starvation += Starvation(work);
        }
        return starvation;
    }

    /// <summary>
    /// Whether another open window shares a service with <paramref name="me"/> but serves fewer services: then
    /// the long services <paramref name="me"/> could take have narrower windows to go to. In a hall where
    /// every window serves the same services no window is a generalist, and the lines go by age.
    /// </summary>
    public static bool IsGeneralist(IEnumerable<HallWindow> windows, HallWindow me)
    {
        foreach (var w in windows)
            if (w.Id != me.Id && Staffed(w) && w.ServiceIds.Count < me.ServiceIds.Count && w.ServiceIds.Any(me.Serves)) return true;
        return false;
    }

    /// <summary>Open, serving or paused with someone at it: a window opened for staff who never came helps no line and keeps no work.</summary>
    private static bool Staffed(HallWindow w) => w.State != WindowState.Closed && w.StaffId is not null;

    /// <summary>One neighbour's share of <see cref="NeighbourStarvation"/>, given the tickets it may call.</summary>
    public static double Starvation(int work) => 1.0 / Math.Max(1, work);

    private double Score(LineHead head, DateTimeOffset now)
    {
        var waited = (now - head.OrderKey).TotalMinutes;
        var backlogPerWindow = head.Count * head.MeanMinutes / Math.Max(1, head.AbleWindows);
        var balance = balanceWeight * backlogPerWindow - starvationWeight * head.MeanMinutes * head.NeighbourStarvation;
        var shortService = head.Generalist ? Math.Min(shortServiceWeight * head.MeanMinutes, shortServiceCapMinutes) : 0;
        return waited + Math.Clamp(balance, -balanceCapMinutes, balanceCapMinutes) - shortService;
    }

    private static bool Earlier(LineHead a, LineHead b) =>
        a.OrderKey < b.OrderKey || (a.OrderKey == b.OrderKey && string.CompareOrdinal(a.Number, b.Number) < 0);
}
