namespace Queue.Silo.Dispatch;

/// <summary>
/// The first ticket of one service's line as a window sees it: when it counts as queued from
/// (<see cref="OrderKey"/>), how many tickets the line holds, how many open windows can serve the line,
/// and the service's expected handling time.
/// </summary>
public readonly record struct LineHead(string ServiceId, DateTimeOffset OrderKey, string Number, int Count, int AbleWindows, double MeanMinutes);
