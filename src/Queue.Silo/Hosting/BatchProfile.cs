using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Queue.Silo.Hosting;

/// <summary>
/// Where a hall writer's time goes, batch by batch: waiting for the hall's lock, catching up, running the
/// commands, committing, building the snapshot. Summed and logged every few seconds at Debug level
/// (<c>Logging:LogLevel:Queue.Silo.Halls.HallGrain=Debug</c>), so a load run can be profiled without tools.
/// </summary>
internal sealed class BatchProfile(string hallId, ILogger log)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly double[] phases = new double[7];
    private long started = Stopwatch.GetTimestamp();
    private int batches;
    private int commands;

    public bool Enabled { get; } = log.IsEnabled(LogLevel.Debug);

    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Adds one batch's phase boundaries: begin, locked, caught up, ran, written (EF), committed, predicted, published.</summary>
    public void Add(int size, params long[] marks)
    {
        if (!Enabled) return;
        batches++;
        commands += size;
        for (var i = 0; i < phases.Length && i + 1 < marks.Length; i++) phases[i] += Stopwatch.GetElapsedTime(marks[i], marks[i + 1]).TotalMilliseconds;
        if (Stopwatch.GetElapsedTime(started) < Every) return;
        log.LogDebug("Hall {HallId}: {Batches} batches, {Commands} commands in {Seconds:0.0}s; ms per batch: lock {Lock:0.00}, catch-up {CatchUp:0.00}, run {Run:0.00}, write {Write:0.00}, commit {Commit:0.00}, predict {Predict:0.00}, snapshot {Snapshot:0.00}; process GC gen0/1/2 {Gen0}/{Gen1}/{Gen2}, paused {PauseMs:0} ms in total; lines re-sorted {Resorted}",
            hallId, batches, commands, Stopwatch.GetElapsedTime(started).TotalSeconds,
            phases[0] / batches, phases[1] / batches, phases[2] / batches, phases[3] / batches, phases[4] / batches, phases[5] / batches, phases[6] / batches,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds, Views.HallSnapshot.LinesResorted);
        Array.Clear(phases);
        batches = commands = 0;
        started = Stopwatch.GetTimestamp();
    }
}
