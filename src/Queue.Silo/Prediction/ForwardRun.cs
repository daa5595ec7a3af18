using Queue.Silo.Dispatch;
using Queue.Silo.Engine;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Prediction;

/// <summary>
/// Replays the hall forward from now with expected service times: every calling window takes, when it
/// becomes free, the line head the hall's own dispatch would choose. A ticket's estimate is the moment it
/// is taken. So the queue ahead is the queue the eligible windows will actually serve, including other
/// services competing for the same windows, and the windows' current progress sets when they free up.
/// </summary>
internal static class ForwardRun
{
    /// <summary>A ticket in the replay; <see cref="Present"/> is false for a phone ticket whose holder has not checked in.</summary>
    private readonly record struct Entry(Guid Id, DateTimeOffset Key, string Number, bool Present);

    private sealed class Line(string serviceId, double norm)
    {
        public string ServiceId { get; } = serviceId;
        public double Norm { get; } = norm;
        public List<Entry> Entries { get; } = [];
        public int Next { get; set; }
        public int Remaining => Entries.Count - Next;
    }

    /// <summary>
    /// Minutes until each waiting ticket (and the optional phantom, id <see cref="Guid.Empty"/>) is called; a
    /// ticket no open or serving window may call has no entry.
    /// </summary>
    public static Dictionary<Guid, double> Run(HallState hall, DateTimeOffset now, ServiceTimeModel model, ILineDispatch policy, Ticket? phantom) =>
        Run(hall, now, model, policy, phantom is null ? [] : [phantom], stopAtPhantom: true);

    /// <summary>
    /// The same replay with several phantoms (new tickets not yet taken) at once. With
    /// <paramref name="stopAtPhantom"/> it ends when the first phantom is called; otherwise it runs to the end.
    /// </summary>
    public static Dictionary<Guid, double> Run(HallState hall, DateTimeOffset now, ServiceTimeModel model, ILineDispatch policy,
        IReadOnlyList<Ticket> phantoms, bool stopAtPhantom)
    {
        var phantomIds = phantoms.Select(p => p.Id).ToHashSet();
        var lines = new Dictionary<(string Service, string? Target), Line>();
        void Enqueue(Ticket t)
        {
            if (!lines.TryGetValue((t.ServiceId, t.TargetWindowId), out var line))
                lines[(t.ServiceId, t.TargetWindowId)] = line = new Line(t.ServiceId, hall.FindService(t.ServiceId)?.NormMinutes ?? 5);
            line.Entries.Add(new Entry(t.Id, policy.OrderKey(t), t.Number, t.ArrivedAt is not null));
        }
        foreach (var t in hall.WaitingTickets) Enqueue(t);
        foreach (var p in phantoms) Enqueue(p);
        foreach (var line in lines.Values)
            line.Entries.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Number, b.Number));

        var able = new Dictionary<string, int>();
        foreach (var line in lines.Values) able.TryAdd(line.ServiceId, EngineDispatch.AbleWindows(hall, line.ServiceId));

        var calling = hall.Windows.Where(w => w.Attended).OrderBy(w => w.Number).ToList();
        var index = calling.Select((w, i) => (w.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var eligible = calling.Select(w => lines.Where(l => w.Serves(l.Key.Service) && (l.Key.Target is null || l.Key.Target == w.Id))
            .Select(l => l.Value).ToList()).ToArray();
        // What each calling window may still call, kept current as the replay takes tickets (for the dispatch's neighbour term).
        var waitingByService = new Dictionary<string, int>();
        foreach (var line in lines.Values) waitingByService[line.ServiceId] = waitingByService.GetValueOrDefault(line.ServiceId) + line.Remaining;
        var work = calling.Select(w => w.ServiceIds.Sum(s => waitingByService.GetValueOrDefault(s))).ToArray();
        var servers = waitingByService.Keys.ToDictionary(s => s, s => calling.Select((w, i) => (w, i)).Where(x => x.w.Serves(s)).Select(x => x.i).ToArray());
        var generalist = calling.Select(w => EngineDispatch.IsGeneralist(hall.Windows, w)).ToArray();
        var queue = new PriorityQueue<int, (DateTimeOffset, int)>();
        foreach (var (w, free) in FreeAt(hall, now, model, calling)) queue.Enqueue(index[w.Id], (free, w.Number));

        var result = new Dictionary<Guid, double>();
        var left = lines.Values.Sum(l => l.Remaining);
        var heads = new List<LineHead>();
        var headLines = new List<Line>();
        while (left > 0 && queue.TryDequeue(out var me, out var at))
        {
            var t = at.Item1;
            heads.Clear();
            headLines.Clear();
            foreach (var line in eligible[me])
            {
                if (line.Remaining == 0) continue;
                var head = line.Entries[line.Next];
                var starvation = 0.0;
                foreach (var other in servers[line.ServiceId])
                    if (other != me) starvation += EngineDispatch.Starvation(work[other]);
                heads.Add(new LineHead(line.ServiceId, head.Key, head.Number, line.Remaining, able[line.ServiceId], line.Norm, starvation, generalist[me]));
                headLines.Add(line);
            }
            if (heads.Count == 0) continue;
            var chosen = headLines[policy.Choose(heads, t)];
            var entry = chosen.Entries[chosen.Next++];
            foreach (var server in servers[chosen.ServiceId]) work[server]--;
            left--;
            result[entry.Id] = (t - now).TotalMinutes;
            if (stopAtPhantom && phantomIds.Contains(entry.Id)) break;
            // A holder not yet in the hall is passed over (HallState.MayCall): the window calls the next at once.
            // The estimate says when the turn comes if the holder is there by then; nobody else waits for it.
            if (!entry.Present)
            {
                queue.Enqueue(me, at);
                continue;
            }
            queue.Enqueue(me, (t + TimeSpan.FromMinutes(model.Mean(chosen.ServiceId, calling[me].Id, chosen.Norm)), at.Item2));
        }

        // Tickets on lines no calling window serves get no estimate: nobody can say when a window will take
        // them up, and a number made up for them read "any moment" or "about 8 min" to a citizen (decision 0077).
        return result;
    }

    /// <summary>
    /// When each calling window is expected to be free. The predictable part of a running service is its
    /// mean minus the time already spent; the memoryless part (the share given by the learned spread of
    /// service times) is spread evenly over the busy windows, as departures of many busy windows are.
    /// </summary>
    private static IEnumerable<(HallWindow Window, DateTimeOffset Free)> FreeAt(HallState hall, DateTimeOffset now, ServiceTimeModel model, List<HallWindow> calling)
    {
        var busy = new List<(HallWindow Window, Ticket Ticket, double Elapsed)>();
        foreach (var w in calling)
        {
            if (w.CurrentTicketId is { } id && hall.FindTicket(id) is { } t)
                busy.Add((w, t, t.StartedAt is { } s ? Math.Max(0, (now - s).TotalMinutes) : 0));
            else
                yield return (w, now);
        }
        busy.Sort((a, b) => b.Elapsed != a.Elapsed ? b.Elapsed.CompareTo(a.Elapsed) : a.Window.Number.CompareTo(b.Window.Number));
        for (var rank = 0; rank < busy.Count; rank++)
        {
            var (w, t, elapsed) = busy[rank];
            var norm = hall.FindService(t.ServiceId)?.NormMinutes ?? 5;
            var mean = model.Mean(t.ServiceId, w.Id, norm);
            var memoryless = model.SquaredCv(t.ServiceId, norm);
            var left = (1 - memoryless) * Math.Max(0, mean - elapsed) + memoryless * mean * (rank + 1) / busy.Count;
            yield return (w, now + TimeSpan.FromMinutes(left));
        }
    }
}
