using System.Collections.Concurrent;

namespace Queue.Web.Hubs;

/// <summary>Which tickets have a watcher on this node, so updates are only built for tickets someone follows.</summary>
public sealed class TicketWatchers
{
    private readonly ConcurrentDictionary<Guid, int> counts = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, byte>> byConnection = new();

    public bool IsWatched(Guid ticketId) => counts.ContainsKey(ticketId);

    public int Count => counts.Count;

    /// <summary>The watched ticket ids of every hall (a moment's view, safe to walk while watchers come and go).</summary>
    public IEnumerable<Guid> WatchedIds => counts.Keys;

    public void Add(string connectionId, Guid ticketId)
    {
        var mine = byConnection.GetOrAdd(connectionId, _ => new());
        if (mine.TryAdd(ticketId, 0)) counts.AddOrUpdate(ticketId, 1, (_, n) => n + 1);
    }

    public void RemoveConnection(string connectionId)
    {
        if (!byConnection.TryRemove(connectionId, out var mine)) return;
        foreach (var ticketId in mine.Keys)
        {
            var left = counts.AddOrUpdate(ticketId, 0, (_, n) => n - 1);
            if (left <= 0) counts.TryRemove(new KeyValuePair<Guid, int>(ticketId, left));
        }
    }
}
