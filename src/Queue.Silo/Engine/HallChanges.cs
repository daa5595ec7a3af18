namespace Queue.Silo.Engine;

/// <summary>
/// What one batch of commands changed: entities to insert, entities to update, events to append.
/// The store writes all of it in one transaction before any command of the batch is answered.
/// </summary>
public sealed class HallChanges(HallState state, DateTimeOffset now)
{
    private readonly List<object> added = [];
    private readonly HashSet<object> modified = new(ReferenceEqualityComparer.Instance);
    private readonly List<HallEvent> events = [];
    private readonly List<object> removed = [];

    public DateTimeOffset Now { get; internal set; } = now;
    public IReadOnlyList<object> Added => added;
    public IReadOnlyCollection<object> Modified => modified;
    public IReadOnlyList<HallEvent> Events => events;

    /// <summary>Rows to delete (a matter or a window an administrator removed).</summary>
    public IReadOnlyList<object> Removed => removed;
    public bool IsEmpty => added.Count == 0 && modified.Count == 0 && events.Count == 0 && removed.Count == 0;

    /// <summary>A count that grows with every change; lets the writer spot a command that failed half-way.</summary>
    internal int Mark => added.Count + modified.Count + events.Count + removed.Count;

    public void Add(object entity) => added.Add(entity);

    /// <summary>Deletes the row; one added in this same batch is simply not written.</summary>
    public void Remove(object entity)
    {
        modified.Remove(entity);
        if (!added.Remove(entity)) removed.Add(entity);
    }

    public void Touch(object entity)
    {
        if (!added.Contains(entity)) modified.Add(entity);
    }

    public void Emit(HallEvent e)
    {
        events.Add(e with { HallId = state.Hall.Id, Seq = state.Hall.NextSeq(), At = Now });
        Touch(state.Hall);
    }
}
