using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Queue.Silo.Engine;
using Queue.Silo.Tickets;

namespace Queue.Silo.Prediction;

/// <summary>
/// Estimates reused from the last replay, as a view: a waiting ticket the replay saw keeps its estimate, one
/// issued since gets its service's new-ticket estimate, anything not waiting has none. Reads the hall as it is
/// when asked, so it is meant to be read at once, on the hall's writer (ForwardRunPredictor.EstimateWaiting).
/// </summary>
internal sealed class ReusedEstimates(HallState hall, IReadOnlyDictionary<Guid, double> last, Dictionary<string, double?> newTicket)
    : IReadOnlyDictionary<Guid, double>
{
    private readonly HallState hall = hall;
    private readonly IReadOnlyDictionary<Guid, double> last = last;
    private readonly Dictionary<string, double?> newTicket = newTicket;

    /// <summary>Whether <paramref name="other"/> gives every ticket the same estimate as this (same replay, same new-ticket estimates).</summary>
    public bool SameAs(ReusedEstimates other) =>
        ReferenceEquals(hall, other.hall) && ReferenceEquals(last, other.last) && newTicket.Count == other.newTicket.Count &&
        newTicket.All(kv => other.newTicket.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public bool TryGetValue(Guid key, [MaybeNullWhen(false)] out double value)
    {
        value = 0;
        if (hall.FindTicket(key) is not { Status: TicketStatus.Waiting } t) return false;
        if (last.TryGetValue(key, out value)) return true;
        // A service no open window serves has no new-ticket estimate, so neither has a ticket issued to it since.
        if (newTicket.GetValueOrDefault(t.ServiceId) is not { } minutes) return false;
        value = minutes;
        return true;
    }

    public double this[Guid key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key.ToString());
    public bool ContainsKey(Guid key) => TryGetValue(key, out _);
    public IEnumerable<Guid> Keys => this.Select(kv => kv.Key);
    public IEnumerable<double> Values => this.Select(kv => kv.Value);
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var t in hall.WaitingTickets)
                if (TryGetValue(t.Id, out _)) count++;
            return count;
        }
    }

    public IEnumerator<KeyValuePair<Guid, double>> GetEnumerator()
    {
        foreach (var t in hall.WaitingTickets)
            if (TryGetValue(t.Id, out var v)) yield return new(t.Id, v);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
