using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Queue.Silo.Engine;
using Queue.Silo.Storage;
using Queue.Silo.Views;

namespace Queue.Silo.Hosting;

/// <summary>
/// The single writer of one hall (the shape of an Orleans grain). Commands queue in an inbox and run one
/// at a time, synchronously, against the hall's state; each batch of them is committed in one transaction
/// under the hall's database lock before any of them is answered (group commit). Then the new snapshot
/// and the events are published. If another node wrote the hall meanwhile, the state is reloaded first.
/// </summary>
public sealed class HallGrain
{
    private const int MaxBatch = 256;
    private readonly Channel<Work> inbox = Channel.CreateUnbounded<Work>(new() { SingleReader = true });
    private readonly HallStore store;
    private readonly HallFeed feed;
    private readonly TimeProvider time;
    private readonly Func<IDispatchPolicy> dispatch;
    private readonly Func<IWaitPredictor> predictor;
    private readonly ILogger log;
    private readonly BatchProfile profile;
    private HallState? state;
    private static readonly TimeSpan RepublishAfter = TimeSpan.FromMilliseconds(700);
    private volatile HallSnapshot? snapshot;
    private int republishPending;

    internal HallGrain(string hallId, HallStore store, HallFeed feed, TimeProvider time, Func<IDispatchPolicy> dispatch,
        Func<IWaitPredictor> predictor, ILogger log)
    {
        HallId = hallId;
        this.store = store;
        this.feed = feed;
        this.time = time;
        this.dispatch = dispatch;
        this.predictor = predictor;
        this.log = log;
        profile = new BatchProfile(hallId, log);
        _ = Task.Run(RunAsync);
    }

    public string HallId { get; }

    /// <summary>The hall as of its last commit or reload; null until first loaded.</summary>
    public HallSnapshot? Snapshot => snapshot;

    /// <summary>
    /// Runs <paramref name="command"/> on the hall's state. It must check before it changes anything and
    /// throw <see cref="HallException"/> to refuse. Completes once the command's changes are durable.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<HallState, HallChanges, T> command, CancellationToken ct = default)
    {
        var work = new Work((s, c) => command(s, c));
        await inbox.Writer.WriteAsync(work, ct);
        return (T)(await work.Done.Task)!;
    }

    /// <summary>Makes sure the snapshot reflects at least <paramref name="seq"/> (or the database now, if null).</summary>
    public Task RefreshAsync(long? seq = null)
    {
        if (seq is { } s && snapshot is { } snap && snap.Seq >= s) return Task.CompletedTask;
        var work = new Work(null);
        inbox.Writer.TryWrite(work);
        return work.Done.Task;
    }

    public async Task<HallSnapshot> GetSnapshotAsync()
    {
        if (snapshot is null) await RefreshAsync();
        return snapshot ?? throw HallException.NotFound("hall", HallId);
    }

    private async Task RunAsync()
    {
        var batch = new List<Work>(MaxBatch);
        while (await inbox.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && inbox.Reader.TryRead(out var w)) batch.Add(w);
            try
            {
                // A republish drained with commands is served by their publish, which schedules another if still needed.
                if (batch.Any(w => w.Republish)) Volatile.Write(ref republishPending, 0);
                if (batch.Any(w => w.Command is not null)) await RunBatchAsync(batch);
                else if (batch.Any(w => !w.Republish)) await ReloadIfChangedAsync();
                else Republish();
                foreach (var w in batch) w.Finish();
            }
            catch (Exception ex)
            {
                // Nothing of the batch was committed: forget the in-memory state and reload it next time.
                log.LogError(ex, "Hall {HallId}: batch of {Count} failed", HallId, batch.Count);
                state = null;
                foreach (var w in batch) w.Done.TrySetException(ex);
            }
        }
    }

    private async Task RunBatchAsync(List<Work> batch)
    {
        var before = snapshot;
        var t0 = BatchProfile.Now();
        await using var tx = await store.BeginAsync(HallId, CancellationToken.None) ?? throw HallException.NotFound("hall", HallId);
        var t1 = BatchProfile.Now();
        var missed = await CatchUpAsync(tx);
        var t2 = BatchProfile.Now();
        var current = state!;
        var changes = new HallChanges(current, time.GetUtcNow());
        current.RollOver(changes);
        foreach (var w in batch)
        {
            if (w.Command is null) continue;
            changes.Now = time.GetUtcNow();
            var mark = changes.Mark;
            try
            {
                w.Result = w.Command(current, changes);
            }
            catch (HallException refusal) when (changes.Mark == mark)
            {
                w.Refusal = refusal;
            }
        }
        var t3 = BatchProfile.Now();
        if (!changes.IsEmpty) await tx.CommitAsync(changes, CancellationToken.None);
        var t4 = BatchProfile.Now();
        if (changes.IsEmpty && missed.Count == 0 && before is not null) return;
        var now = time.GetUtcNow();
        if (profile.Enabled)
        {
            state!.Predictor.EstimateWaiting(state, now);
            foreach (var s in state.Services) state.Predictor.EstimateNew(state, s.Id, now);
        }
        var t5 = BatchProfile.Now();
        // After catching up with another node's writes the state was reloaded: rebuild every view.
        Publish(before, [.. missed, .. changes.Events], missed.Count == 0 ? TouchedTickets(changes) : null, now);
        profile.Add(batch.Count, t0, t1, t2, t3, tx.Written == 0 ? t4 : tx.Written, t4, t5, BatchProfile.Now());
    }

    /// <summary>Loads (or reloads) the state if it is missing or another node has written since.</summary>
    private async Task<IReadOnlyList<HallEvent>> CatchUpAsync(HallBatch tx)
    {
        if (state is not null && state.Hall.Seq == tx.StoredSeq) return [];
        var knownSeq = snapshot?.Seq ?? tx.StoredSeq;
        state = await store.LoadAsync(HallId, dispatch(), predictor(), tx, CancellationToken.None)
            ?? throw HallException.NotFound("hall", HallId);
        return knownSeq < tx.StoredSeq ? await store.ReadEventsAsync(HallId, knownSeq, tx.StoredSeq, CancellationToken.None) : [];
    }

    private async Task ReloadIfChangedAsync()
    {
        var stored = await store.ReadSeqAsync(HallId, CancellationToken.None) ?? throw HallException.NotFound("hall", HallId);
        if (state is not null && snapshot is not null && stored == state.Hall.Seq) return;
        var before = snapshot;
        var loaded = await store.LoadAsync(HallId, dispatch(), predictor(), null, CancellationToken.None)
            ?? throw HallException.NotFound("hall", HallId);
        var missed = before is not null && before.Seq < loaded.Hall.Seq
            ? await store.ReadEventsAsync(HallId, before.Seq, loaded.Hall.Seq, CancellationToken.None)
            : [];
        state = loaded;
        Publish(before, missed);
    }

    private static HashSet<Guid> TouchedTickets(HallChanges changes) =>
        changes.Added.Concat(changes.Modified).OfType<Tickets.Ticket>().Select(t => t.Id).ToHashSet();

    private void Publish(HallSnapshot? before, IReadOnlyList<HallEvent> events, IReadOnlySet<Guid>? touched = null, DateTimeOffset? at = null)
    {
        var after = HallSnapshot.Of(state!, at ?? time.GetUtcNow(), touched is null ? null : before, touched);
        snapshot = after;
        feed.Publish(new HallUpdate(HallId, events, before, after));
        if (state!.Predictor.HasStaleEstimates) ScheduleRepublish();
    }

    /// <summary>
    /// In a burst the predictor may reuse estimates for up to half a second (ForwardRunPredictor). When it
    /// did, the writer builds its picture once more a little later, so the last tickets of a burst do not
    /// keep those estimates while the hall goes quiet; waiting tickets whose estimate moved are pushed again.
    /// </summary>
    private void ScheduleRepublish()
    {
        if (Interlocked.Exchange(ref republishPending, 1) == 1) return;
        _ = Task.Delay(RepublishAfter).ContinueWith(_ => inbox.Writer.TryWrite(new Work(null) { Republish = true }), TaskScheduler.Default);
    }

    private void Republish()
    {
        Volatile.Write(ref republishPending, 0);
        if (state is null || snapshot is null) return;
        var before = snapshot;
        var after = HallSnapshot.Of(state, time.GetUtcNow(), before, new HashSet<Guid>());
        snapshot = after;
        feed.Publish(new HallUpdate(HallId, [], before, after));
    }

    private sealed class Work(Func<HallState, HallChanges, object?>? command)
    {
        public Func<HallState, HallChanges, object?>? Command { get; } = command;
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public object? Result { get; set; }
        public HallException? Refusal { get; set; }

        /// <summary>Rebuild and publish the picture from the state in memory; no storage involved.</summary>
        public bool Republish { get; init; }

        public void Finish()
        {
            if (Refusal is not null) Done.TrySetException(Refusal);
            else Done.TrySetResult(Result);
        }
    }
}
