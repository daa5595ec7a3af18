using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Queue.Silo.Engine;
using Queue.Silo.Storage;
using Queue.Silo.Views;

namespace Queue.Silo.Hosting;

/// <summary>Finds or activates the single writer of a hall. Only halls that exist get one.</summary>
public sealed class HallRegistry(HallStore store, HallFeed feed, TimeProvider time, Func<IDispatchPolicy> dispatch,
    Func<IWaitPredictor> predictor, ILoggerFactory logs)
{
    private readonly ConcurrentDictionary<string, HallGrain> grains = new();
    private readonly SemaphoreSlim idsGate = new(1, 1);
    private volatile IReadOnlyList<string> hallIds = [];

    public IEnumerable<HallGrain> Active => grains.Values;

    /// <summary>The hall's writer; throws a not-found refusal for an unknown hall.</summary>
    public async Task<HallGrain> GetAsync(string hallId)
    {
        if (grains.TryGetValue(hallId, out var grain)) return grain;
        if (!hallIds.Contains(hallId)) await ReloadIdsAsync();
        if (!hallIds.Contains(hallId)) throw HallException.NotFound("hall", hallId);
        return grains.GetOrAdd(hallId, id => new HallGrain(id, store, feed, time, dispatch, predictor, logs.CreateLogger<HallGrain>()));
    }

    public async Task<HallSnapshot> SnapshotAsync(string hallId) => await (await GetAsync(hallId)).GetSnapshotAsync();

    public async Task<IReadOnlyList<HallSnapshot>> AllSnapshotsAsync()
    {
        if (hallIds.Count == 0) await ReloadIdsAsync();
        var result = new List<HallSnapshot>();
        foreach (var id in hallIds) result.Add(await SnapshotAsync(id));
        return result;
    }

    /// <summary>Re-reads the list of halls (after one is created, or when an id is not yet known).</summary>
    public async Task ReloadIdsAsync()
    {
        await idsGate.WaitAsync();
        try { hallIds = await store.HallIdsAsync(CancellationToken.None); }
        finally { idsGate.Release(); }
    }
}
