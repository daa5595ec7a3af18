namespace Queue.Silo.Hosting;

/// <summary>
/// In-process fan-out of committed hall updates. Handlers run on the hall's writer after the commit and
/// must only hand the update on (queue it, marshal it), never block.
/// </summary>
public sealed class HallFeed
{
    private readonly Lock gate = new();
    private Action<HallUpdate>[] handlers = [];

    public IDisposable Subscribe(Action<HallUpdate> handler)
    {
        lock (gate) handlers = [.. handlers, handler];
        return new Subscription(this, handler);
    }

    public void Publish(HallUpdate update)
    {
        foreach (var h in Volatile.Read(ref handlers))
        {
            try { h(update); }
            catch (Exception) { /* A broken subscriber must not stop the hall; subscribers log their own faults. */ }
        }
    }

    private void Remove(Action<HallUpdate> handler)
    {
        lock (gate) handlers = handlers.Where(h => h != handler).ToArray();
    }

    private sealed class Subscription(HallFeed feed, Action<HallUpdate> handler) : IDisposable
    {
        public void Dispose() => feed.Remove(handler);
    }
}
