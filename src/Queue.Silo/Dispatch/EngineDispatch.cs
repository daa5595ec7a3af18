using Queue.Silo.Engine;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Dispatch;

/// <summary>
/// The hall's dispatch (科学派号). Inside a service's line, tickets go by the time they count as queued
/// from (<see cref="PriorityHeadStart"/>). Between the lines a window may serve, it takes the head with the
/// highest score = minutes that head has waited + a balancing bonus for lines that are long compared with
/// the windows able to serve them, so a window helps first the queue fewer other windows can help. The
/// bonus is capped, so no ticket is ever overtaken by one queued more than
/// <see cref="MaxOvertakeMinutes"/> after it (ageing bounds every overtaking).
/// </summary>
public sealed class EngineDispatch(double balanceWeight = EngineDispatch.DefaultBalanceWeight, double balanceCapMinutes = EngineDispatch.DefaultBalanceCapMinutes)
    : IDispatchPolicy, ILineDispatch
{
    public const double DefaultBalanceWeight = 1.0;
    public const double DefaultBalanceCapMinutes = 10;

    /// <summary>No ticket is called while an eligible ticket queued more than this many minutes earlier waits.</summary>
    public double MaxOvertakeMinutes => balanceCapMinutes + PriorityHeadStart.MaxMinutes;

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
        var heads = new List<LineHead>(lines.Count);
        var tickets = new List<Ticket>(lines.Count);
        foreach (var (serviceId, line) in lines)
        {
            heads.Add(new LineHead(serviceId, line.Key, line.Head.Number, line.Count, AbleWindows(hall, serviceId),
                hall.FindService(serviceId)?.NormMinutes ?? 5));
            tickets.Add(line.Head);
        }
        return tickets[Choose(heads, now)];
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

    /// <summary>Windows not closed that serve the service (at least one, the caller itself).</summary>
    public static int AbleWindows(HallState hall, string serviceId)
    {
        var able = 0;
        foreach (var w in hall.Windows)
            if (w.State != WindowState.Closed && w.Serves(serviceId)) able++;
        return Math.Max(1, able);
    }

    private double Score(LineHead head, DateTimeOffset now)
    {
        var waited = (now - head.OrderKey).TotalMinutes;
        var backlogPerWindow = head.Count * head.MeanMinutes / Math.Max(1, head.AbleWindows);
        return waited + Math.Min(balanceCapMinutes, balanceWeight * backlogPerWindow);
    }

    private static bool Earlier(LineHead a, LineHead b) =>
        a.OrderKey < b.OrderKey || (a.OrderKey == b.OrderKey && string.CompareOrdinal(a.Number, b.Number) < 0);
}
