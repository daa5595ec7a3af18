using System.Collections.Concurrent;

namespace Queue.Silo.Reports;

/// <summary>
/// The ids a hall's tickets name (matters, windows, staff), each stored once and referred to by a short index, so
/// cached tickets carry no strings. Only grows; a hall has hundreds of such ids, not tens of thousands.
/// </summary>
public sealed class NameTable
{
    private readonly ConcurrentDictionary<string, short> indexes = new(StringComparer.Ordinal);
    private readonly List<string> ids = [];
    private readonly Lock gate = new();

    public short IndexOf(string? id)
    {
        if (id is null) return -1;
        if (indexes.TryGetValue(id, out var i)) return i;
        lock (gate)
        {
            if (indexes.TryGetValue(id, out i)) return i;
            if (ids.Count >= short.MaxValue) throw new InvalidOperationException("A hall names more than 32,767 matters, windows and staff.");
            i = (short)ids.Count;
            ids.Add(id);
            indexes[id] = i;
            return i;
        }
    }

    public string? IdOf(short index)
    {
        if (index < 0) return null;
        lock (gate) return ids[index];
    }

    /// <summary>All ids so far, by index: read once per report instead of once per ticket.</summary>
    public string[] Snapshot()
    {
        lock (gate) return [.. ids];
    }
}
