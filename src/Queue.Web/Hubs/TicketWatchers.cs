using System.Collections.Concurrent;

namespace Queue.Web.Hubs;

/// <summary>
/// Which tickets have a watcher on this node, and which of this node's connections watch each: a ticket's views
/// are built only when someone follows it, and sent straight to those connections (never through a backplane).
/// </summary>
public sealed class TicketWatchers
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> byTicket = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, byte>> byConnection = new();
    private readonly Lock gate = new();

    public bool IsWatched(Guid ticketId) => byTicket.ContainsKey(ticketId);

    public int Count => byTicket.Count;

    /// <summary>The watched ticket ids of every hall (a moment's view, safe to walk while watchers come and go).</summary>
    public IEnumerable<Guid> WatchedIds => byTicket.Keys;

    /// <summary>This node's connections watching the ticket (a moment's view).</summary>
    public IReadOnlyCollection<string> ConnectionsOf(Guid ticketId) =>
        byTicket.TryGetValue(ticketId, out var connections) ? [.. connections.Keys] : [];

    public void Add(string connectionId, Guid ticketId)
    {
        lock (gate)
        {
            byConnection.GetOrAdd(connectionId, _ => new())[ticketId] = 0;
            byTicket.GetOrAdd(ticketId, _ => new())[connectionId] = 0;
        }
    }

    public void RemoveConnection(string connectionId)
    {
        lock (gate)
        {
            if (!byConnection.TryRemove(connectionId, out var mine)) return;
            foreach (var ticketId in mine.Keys)
            {
                if (!byTicket.TryGetValue(ticketId, out var connections)) continue;
                connections.TryRemove(connectionId, out _);
                if (connections.IsEmpty) byTicket.TryRemove(ticketId, out _);
            }
        }
    }
}
