namespace Queue.LoadTests;

/// <summary>Wall-clock milliseconds since the Unix epoch, the unit the node hub clients report in.</summary>
public static class WallClock
{
    public static double NowMs() => DateTimeOffset.UtcNow.UtcTicks / (double)TimeSpan.TicksPerMillisecond - DateTimeOffset.UnixEpoch.UtcTicks / (double)TimeSpan.TicksPerMillisecond;
}
