using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Storage;
using Queue.Silo.Views;

namespace Queue.Silo.Halls;

/// <summary>
/// This silo's read replicas of the halls its API, hub and pages look at (decision 0084). A hall grain on this
/// silo hands over each new snapshot itself; one elsewhere sends each commit as a <see cref="HallDelta"/>. A
/// replica renews its watch every two seconds, which also re-registers it with a hall grain that moved to another
/// silo, and takes the whole picture whenever it finds a gap. Readers never take a turn of the hall grain.
/// Every change is published on this silo's <see cref="HallFeed"/>, in commit order, for the hub.
/// </summary>
public sealed class HallSnapshots(IGrainFactory grains, HallStore store, HallFeed feed, ILocalSiloDetails silo, ILogger<HallSnapshots> log)
    : BackgroundService, IHallWatcher
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Unread = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, Replica> replicas = new();
    private readonly SemaphoreSlim idsGate = new(1, 1);
    private volatile IReadOnlyList<string> hallIds = [];
    private IHallWatcher? self;
    private string? siloId;

    public string SiloId => siloId ??= silo.SiloAddress.ToParsableString();

    /// <summary>The snapshots this silo holds now (a ticket's hall is looked up here before storage).</summary>
    public IEnumerable<HallSnapshot> Loaded => replicas.Values.Select(r => r.Snapshot).OfType<HallSnapshot>();

    public async Task<HallSnapshot> SnapshotAsync(string hallId)
    {
        if (replicas.TryGetValue(hallId, out var known) && known.Snapshot is { } current)
        {
            known.ReadAt = Environment.TickCount64;
            return current;
        }
        await EnsureExistsAsync(hallId);
        var replica = replicas.GetOrAdd(hallId, _ => new Replica());
        replica.ReadAt = Environment.TickCount64;
        await RenewAsync(hallId, replica);
        return replica.Snapshot ?? throw HallException.NotFound("hall", hallId);
    }

    /// <summary>Asks the hall grain for the picture now, past this silo's copy (a ticket issued through another silo a moment ago).</summary>
    public async Task<HallSnapshot> FreshSnapshotAsync(string hallId)
    {
        await SnapshotAsync(hallId);
        var replica = replicas[hallId];
        await RenewAsync(hallId, replica);
        return replica.Snapshot!;
    }

    public async Task<IReadOnlyList<HallSnapshot>> AllSnapshotsAsync()
    {
        if (hallIds.Count == 0) await ReloadIdsAsync();
        var result = new List<HallSnapshot>();
        foreach (var id in hallIds) result.Add(await SnapshotAsync(id));
        return result;
    }

    /// <summary>Refuses an unknown hall before any grain is activated for it (hostile ids activate nothing).</summary>
    public async Task EnsureExistsAsync(string hallId)
    {
        if (hallIds.Contains(hallId)) return;
        await ReloadIdsAsync();
        if (!hallIds.Contains(hallId)) throw HallException.NotFound("hall", hallId);
    }

    /// <summary>Re-reads the list of halls (after one is created, or when an id is not yet known).</summary>
    public async Task ReloadIdsAsync()
    {
        await idsGate.WaitAsync();
        try { hallIds = await store.HallIdsAsync(CancellationToken.None); }
        finally { idsGate.Release(); }
    }

    /// <summary>A hall grain of this silo committed: its snapshot is this silo's replica as it is.</summary>
    public void Accept(HallUpdate update)
    {
        var replica = replicas.GetOrAdd(update.HallId, _ => new Replica());
        lock (replica)
        {
            replica.Snapshot = update.After;
            feed.Publish(update);
        }
    }

    /// <summary>A hall grain on another silo committed.</summary>
    public Task Updated(HallDelta delta)
    {
        if (!replicas.TryGetValue(delta.HallId, out var replica)) return Task.CompletedTask;
        var gap = false;
        lock (replica)
        {
            var before = replica.Snapshot;
            if (delta.FromSeq < 0 && (before is null || delta.Seq >= before.Seq))
            {
                replica.Snapshot = HallSnapshot.Of(new HallPicture(delta.Seq, delta.Detail, delta.Board, delta.Changed));
                feed.Publish(new HallUpdate(delta.HallId, delta.Events, before, replica.Snapshot));
            }
            else if (before is not null && before.Seq == delta.FromSeq)
            {
                replica.Snapshot = before.With(delta);
                feed.Publish(new HallUpdate(delta.HallId, delta.Events, before, replica.Snapshot));
            }
            else gap = before is null || delta.Seq > before.Seq;
        }
        if (gap) _ = RenewQuietlyAsync(delta.HallId, replica);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Renewal);
        while (await timer.WaitForNextTickAsync(stop))
        {
            var now = Environment.TickCount64;
            foreach (var (hallId, replica) in replicas)
            {
                if (now - replica.ReadAt > Unread.TotalMilliseconds) replicas.TryRemove(hallId, out _);
                else await RenewQuietlyAsync(hallId, replica);
            }
        }
    }

    private async Task RenewQuietlyAsync(string hallId, Replica replica)
    {
        try { await RenewAsync(hallId, replica); }
        catch (Exception ex) { log.LogWarning(ex, "Could not renew the replica of hall {HallId}", hallId); }
    }

    /// <summary>Registers this silo with the hall grain and takes its picture if ours is behind; missed calls are read back from the journal.</summary>
    private async Task RenewAsync(string hallId, Replica replica)
    {
        // A grain (a ticket's or a window's) may be the first reader; Orleans makes a silo object's reference only outside a grain.
        self ??= await Task.Run(() => grains.CreateObjectReference<IHallWatcher>(this));
        var picture = await grains.GetGrain<IHallGrain>(hallId).Watch(SiloId, self, replica.Snapshot?.Seq ?? -1);
        if (picture is null) return;
        var known = replica.Snapshot;
        if (known is not null && picture.Seq <= known.Seq) return;
        var missed = known is null ? [] : await store.ReadEventsAsync(hallId, known.Seq, picture.Seq, CancellationToken.None);
        lock (replica)
        {
            var before = replica.Snapshot;
            if (before is not null && picture.Seq <= before.Seq) return;
            replica.Snapshot = HallSnapshot.Of(picture);
            feed.Publish(new HallUpdate(hallId, before is null ? [] : missed.Where(e => e.Seq > before.Seq).ToList(), before, replica.Snapshot));
        }
    }

    private sealed class Replica
    {
        public volatile HallSnapshot? Snapshot;
        public long ReadAt = Environment.TickCount64;
    }
}
