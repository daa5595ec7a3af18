namespace Queue.Tests.Infrastructure;

/// <summary>A clock the test moves by hand, for rollover and deadline tests.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;
    private readonly Lock gate = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public void Advance(TimeSpan by)
    {
        lock (gate) now += by;
    }

    public void Set(DateTimeOffset to)
    {
        lock (gate) now = to;
    }
}
