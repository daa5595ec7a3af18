namespace Queue.Silo.Dispatch;

/// <summary>
/// The first ticket of one service's line as a window sees it: when it counts as queued from
/// (<see cref="OrderKey"/>), how many tickets the line holds, how many open windows can serve it, the
/// service's expected handling time, and <see cref="NeighbourStarvation"/>: how close the other windows
/// serving this line are to running out of work (Σ over them of 1 ÷ the tickets each may serve), and
/// whether the calling window is a <see cref="Generalist"/> (some open window sharing a service with it
/// serves fewer services).
/// </summary>
public readonly record struct LineHead(string ServiceId, DateTimeOffset OrderKey, string Number, int Count, int AbleWindows, double MeanMinutes,
    double NeighbourStarvation, bool Generalist = false);
