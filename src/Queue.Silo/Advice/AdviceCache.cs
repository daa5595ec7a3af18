using System.Collections.Concurrent;
using Queue.Silo.Hosting;

namespace Queue.Silo.Advice;

/// <summary>
/// Advice is a few hundred what-if runs: compute it at most once per hall change (or per minute, as
/// waits age), one computation per hall at a time, off the request thread.
/// </summary>
public sealed class AdviceCache(HallClient halls, RebalancingAdvisor advisor, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, HallAdvice> latest = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new();

    public async Task<HallAdvice> GetAsync(string hallId)
    {
        var snapshot = await halls.SnapshotAsync(hallId);
        if (Fresh(hallId, snapshot.Seq) is { } hit) return hit;
        var gate = gates.GetOrAdd(hallId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            snapshot = await halls.SnapshotAsync(hallId);
            if (Fresh(hallId, snapshot.Seq) is { } again) return again;
            var now = time.GetUtcNow();
            var advice = await Task.Run(() => advisor.Advise(snapshot, now));
            latest[hallId] = advice;
            return advice;
        }
        finally
        {
            gate.Release();
        }
    }

    private HallAdvice? Fresh(string hallId, long seq) =>
        latest.TryGetValue(hallId, out var a) && a.Seq == seq && time.GetUtcNow() - a.At < MaxAge ? a : null;
}
