using Microsoft.Extensions.Logging;
using Queue.Silo.Audit;
using Queue.Silo.Windows;
using Queue.Silo.Engine;
using Queue.Silo.Floor;
using Queue.Silo.Services;
using Queue.Silo.Hosting;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Silo.Halls;

/// <summary>
/// The hall as an Orleans grain (decision 0084). Commands append to a pending list; one flush at a time takes
/// every command waiting (group commit), opens a transaction that holds the hall's database lock, catches up if
/// the stored sequence is not ours (a second activation wrote during a membership change: the stale state is
/// dropped and reloaded, so it never commits a duplicate number or a second call), applies the commands one by
/// one with no await between reading and writing state, commits, and only then answers them. Reentrant so that
/// commands arriving during a commit join the next batch and readers (<see cref="Watch"/>) never wait for one.
/// </summary>
[Reentrant]
public sealed class HallGrain(HallStore store, HallSnapshots snapshots, TimeProvider time, Func<IDispatchPolicy> dispatch,
    Func<IWaitPredictor> predictor, ILogger<HallGrain> log) : Grain, IHallGrain
{
    private const int MaxBatch = 256;
    private static readonly TimeSpan RepublishAfter = TimeSpan.FromMilliseconds(700);
    // A silo that stopped renewing its watch (it died or lost interest) is dropped after this long.
    private static readonly TimeSpan WatchLapse = TimeSpan.FromSeconds(10);

    private readonly List<Work> pending = [];
    private readonly Dictionary<string, (IHallWatcher Watcher, long RenewedAt)> watchers = [];
    private BatchProfile? profile;
    private HallState? state;
    private HallSnapshot? snapshot;
    private bool flushing;
    private bool republishPending;

    private string HallId => this.GetPrimaryKeyString();

    public Task<TicketView> IssueTicket(string serviceId, TicketChannel channel, TicketPriority priority, string tokenHash) =>
        TicketCommand((s, c) => s.IssueTicket(serviceId, channel, priority, tokenHash, c));

    public Task<TicketView> IssueRemoteTicket(string serviceId, string deviceHash, string tokenHash) =>
        TicketCommand((s, c) => s.IssueRemoteTicket(serviceId, deviceHash, tokenHash, c));

    public Task<TicketView> IssueBookingTicket(Guid bookingId, string serviceId, string tokenHash) =>
        TicketCommand((s, c) => s.IssueBookingTicket(bookingId, serviceId, tokenHash, c));

    public Task<TicketView> Arrive(Guid ticketId) => TicketCommand((s, c) => s.Arrive(ticketId, c));

    public Task<TicketView> Cancel(Guid ticketId, string reason) => TicketCommand((s, c) => s.Cancel(ticketId, reason, c));

    public async Task<TicketView> ReEnter(Guid originalId, bool returnedBefore, string tokenHash)
    {
        // A 补办 from an earlier day is only in storage; today's is in the state, which the command prefers.
        var stored = await store.FindTicketAsync(originalId, CancellationToken.None) ?? throw HallException.NotFound("ticket", originalId.ToString());
        return await TicketCommand((s, c) => s.ReEnter(stored, returnedBefore, tokenHash, c));
    }

    public async Task<TicketView?> CallNext(string windowId, string? staffId)
    {
        var id = await Run((s, c) => s.CallNext(windowId, c, staffId)?.Id);
        return id is { } ticketId ? snapshot!.Tickets[ticketId] : null;
    }

    public Task<TicketView> Recall(string windowId) => TicketCommand((s, c) => s.Recall(windowId, c));
    public Task<TicketView> Start(string windowId) => TicketCommand((s, c) => s.Start(windowId, c));
    public Task<TicketView> Complete(string windowId, TicketOutcome outcome, string? note) => TicketCommand((s, c) => s.Complete(windowId, outcome, note, c));
    public Task<TicketView> CompleteWith(string windowId, TicketCompletion completion) => TicketCommand((s, c) => s.Complete(windowId, completion, c));
    public Task<TicketView> NoShow(string windowId) => TicketCommand((s, c) => s.NoShow(windowId, c));

    public Task<TicketView> Transfer(string windowId, string serviceId, string? targetWindowId) =>
        TicketCommand((s, c) => s.Transfer(windowId, serviceId, targetWindowId, c));

    public Task<WindowView> OpenWindow(string windowId, string? staffId) => WindowCommand(windowId, (s, c) => s.OpenWindow(windowId, staffId, c));
    public Task<WindowView> CloseWindow(string windowId) => WindowCommand(windowId, (s, c) => s.CloseWindow(windowId, c));
    public Task<WindowView> PauseWindow(string windowId) => WindowCommand(windowId, (s, c) => s.PauseWindow(windowId, c));
    public Task<WindowView> ResumeWindow(string windowId) => WindowCommand(windowId, (s, c) => s.ResumeWindow(windowId, c));

    public Task<WindowView> SetWindowServices(string windowId, IReadOnlyList<string> serviceIds, string actor) =>
        WindowCommand(windowId, (s, c) =>
        {
            var before = s.GetWindow(windowId).ServiceIds.ToList();
            var window = s.SetWindowServices(windowId, serviceIds, c);
            Audited(c, actor, "window.services", $"window:{windowId}", new { serviceIds = before }, new { serviceIds = window.ServiceIds.ToList() });
            return window;
        });

    public async Task<IReadOnlyList<string>> SetNotices(string text)
    {
        await Run((s, c) => { s.SetNotices(text, c); return 0; });
        return snapshot!.Board.Notices;
    }

    // The administrator's changes carry who made them: each writes its audit entry, the thing before and after, in the
    // commit that makes the change, so a crash can lose neither without the other.
    public Task<HallDetail> Configure(HallProfile profile, string actor) => DetailCommand((s, c) =>
    {
        var before = HallProfile.Of(s.Hall);
        var hall = s.Configure(profile, c);
        return Audited(c, actor, "hall.update", $"hall:{HallId}", before, HallProfile.Of(hall));
    });

    public Task<HallDetail> AddService(string serviceId, ServiceDraft draft, string actor) => DetailCommand((s, c) =>
        Audited(c, actor, "service.create", $"service:{serviceId}", null, ServiceDraft.Of(s.AddService(serviceId, draft, c))));

    public Task<HallDetail> UpdateService(string serviceId, ServiceDraft draft, string actor) => DetailCommand((s, c) =>
    {
        var before = ServiceDraft.Of(s.GetService(serviceId));
        return Audited(c, actor, "service.update", $"service:{serviceId}", before, ServiceDraft.Of(s.UpdateService(serviceId, draft, c)));
    });

    public Task<HallDetail> RemoveService(string serviceId, string actor) => DetailCommand((s, c) =>
        Audited(c, actor, "service.remove", $"service:{serviceId}", ServiceDraft.Of(s.RemoveService(serviceId, c)), null));

    public Task<CatalogImported> ImportServices(IReadOnlyList<ServiceDraft> rows, string actor, string file) => Run((s, c) =>
    {
        var before = s.Services.Count;
        var result = s.ImportServices(rows, c);
        Audited(c, actor, "service.import", $"catalog:{HallId}", new { services = before }, new { file, result.Created, result.Updated });
        return result;
    });

    public Task<HallDetail> AddWindow(string windowId, int number, string name, string? nameEn, IReadOnlyList<string> serviceIds, string actor) =>
        DetailCommand((s, c) => Audited(c, actor, "window.create", $"window:{windowId}", null,
            WindowAudit.Of(s.AddWindow(windowId, number, name, nameEn, serviceIds, c))));

    public Task<HallDetail> UpdateWindow(string windowId, int number, string name, string? nameEn, IReadOnlyList<string> serviceIds, string actor) =>
        DetailCommand((s, c) =>
        {
            var before = WindowAudit.Of(s.GetWindow(windowId));
            return Audited(c, actor, "window.update", $"window:{windowId}", before, WindowAudit.Of(s.UpdateWindow(windowId, number, name, nameEn, serviceIds, c)));
        });

    public Task<HallDetail> RemoveWindow(string windowId, string actor) => DetailCommand((s, c) =>
        Audited(c, actor, "window.remove", $"window:{windowId}", WindowAudit.Of(s.RemoveWindow(windowId, c)), null));

    /// <summary>Adds the change's audit entry to the batch; called only once the command has succeeded.</summary>
    private object? Audited(HallChanges changes, string actor, string action, string subject, object? before, object? after)
    {
        changes.Add(AuditLog.Entry(changes.Now, actor, HallId, action, subject, before, after));
        return after;
    }

    private async Task<HallDetail> DetailCommand<T>(Func<HallState, HallChanges, T> command)
    {
        await Run((s, c) => (object?)command(s, c));
        return snapshot!.Detail;
    }

    public async Task<HallPicture?> Watch(string siloId, IHallWatcher watcher, long knownSeq)
    {
        watchers[siloId] = (watcher, Environment.TickCount64);
        if (snapshot is null) await Run<object?>(null);
        var current = snapshot ?? throw HallException.NotFound("hall", HallId);
        return current.Seq == knownSeq ? null : current.ToPicture();
    }

    private async Task<TicketView> TicketCommand(Func<HallState, HallChanges, Ticket> command)
    {
        var id = await Run((s, c) => command(s, c).Id);
        return snapshot!.Tickets[id];
    }

    private async Task<WindowView> WindowCommand(string windowId, Func<HallState, HallChanges, Windows.HallWindow> command)
    {
        await Run((s, c) => command(s, c).Id);
        return snapshot!.Detail.Windows.First(w => w.Id == windowId);
    }

    /// <summary>Queues a command (or, with null, a load of the state) for the next flush; completes once it is durable.</summary>
    private async Task<T> Run<T>(Func<HallState, HallChanges, T>? command)
    {
        var work = new Work(command is null ? null : (s, c) => command(s, c));
        pending.Add(work);
        if (!flushing)
        {
            flushing = true;
            _ = FlushAsync();
        }
        return (T)(await work.Done.Task)!;
    }

    private async Task FlushAsync()
    {
        try
        {
            while (pending.Count > 0)
            {
                var batch = pending.Take(MaxBatch).ToList();
                pending.RemoveRange(0, batch.Count);
                try
                {
                    // A republish taken with commands is served by their publish, which schedules another if still needed.
                    if (batch.Any(w => w.Republish)) republishPending = false;
                    if (batch.Any(w => w.Command is not null)) await RunBatchAsync(batch);
                    else if (batch.Any(w => !w.Republish) || state is null) await LoadAsync();
                    else Republish();
                    foreach (var w in batch) w.Finish();
                }
                catch (Exception ex)
                {
                    // Nothing of the batch was committed: forget the state in memory and load it again next time.
                    log.LogError(ex, "Hall {HallId}: batch of {Count} failed", HallId, batch.Count);
                    state = null;
                    foreach (var w in batch) w.Done.TrySetException(ex);
                }
            }
        }
        finally { flushing = false; }
    }

    private async Task RunBatchAsync(List<Work> batch)
    {
        profile ??= new BatchProfile(HallId, log);
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
            current.Predictor.EstimateWaiting(current, now);
            foreach (var s in current.Services) current.Predictor.EstimateNew(current, s.Id, now);
        }
        var t5 = BatchProfile.Now();
        // After catching up with another activation's writes the state was reloaded: rebuild every view.
        Publish(before, [.. missed, .. changes.Events], missed.Count == 0 ? TouchedTickets(changes) : null, now);
        profile.Add(batch.Count, t0, t1, t2, t3, tx.Written == 0 ? t4 : tx.Written, t4, t5, BatchProfile.Now());
    }

    /// <summary>
    /// Under the hall's lock: loads the state if it is missing, or reloads it if the stored sequence is not ours —
    /// another activation of this hall committed meanwhile, and what this one holds is stale.
    /// </summary>
    private async Task<IReadOnlyList<HallEvent>> CatchUpAsync(HallBatch tx)
    {
        if (state is not null && state.Hall.Seq == tx.StoredSeq) return [];
        if (state is not null) log.LogWarning("Hall {HallId}: stored sequence {Stored} is not ours ({Ours}); reloading", HallId, tx.StoredSeq, state.Hall.Seq);
        var knownSeq = snapshot?.Seq ?? tx.StoredSeq;
        state = await store.LoadAsync(HallId, dispatch(), predictor(), tx, CancellationToken.None)
            ?? throw HallException.NotFound("hall", HallId);
        return knownSeq < tx.StoredSeq ? await store.ReadEventsAsync(HallId, knownSeq, tx.StoredSeq, CancellationToken.None) : [];
    }

    private async Task LoadAsync()
    {
        var before = snapshot;
        var loaded = await store.LoadAsync(HallId, dispatch(), predictor(), null, CancellationToken.None)
            ?? throw HallException.NotFound("hall", HallId);
        if (state is not null && before is not null && loaded.Hall.Seq == state.Hall.Seq) return;
        state = loaded;
        Publish(before, []);
    }

    private static HashSet<Guid> TouchedTickets(HallChanges changes) =>
        changes.Added.Concat(changes.Modified).OfType<Ticket>().Select(t => t.Id).ToHashSet();

    private void Publish(HallSnapshot? before, IReadOnlyList<HallEvent> events, IReadOnlySet<Guid>? touched = null, DateTimeOffset? at = null)
    {
        var after = HallSnapshot.Of(state!, at ?? time.GetUtcNow(), touched is null ? null : before, touched);
        snapshot = after;
        snapshots.Accept(new HallUpdate(HallId, events, before, after) { CommittedHere = true });
        TellWatchers(before, after, events);
        if (state!.Predictor.HasStaleEstimates) ScheduleRepublish();
    }

    /// <summary>Sends the commit to the other silos watching this hall; this silo's replicas got the snapshot itself.</summary>
    private void TellWatchers(HallSnapshot? before, HallSnapshot after, IReadOnlyList<HallEvent> events)
    {
        if (watchers.Count == 0) return;
        var now = Environment.TickCount64;
        HallDelta? delta = null;
        foreach (var (siloId, (watcher, renewedAt)) in watchers.ToList())
        {
            if (now - renewedAt > WatchLapse.TotalMilliseconds)
            {
                watchers.Remove(siloId);
                continue;
            }
            if (siloId == snapshots.SiloId) continue;
            // A replica without the previous sequence asks for the whole picture when it sees the gap.
            delta ??= before is null ? new HallDelta(HallId, -1, after.Seq, after.Detail, after.Board, [.. after.Tickets.Values], [], events) : after.DeltaFrom(before, events);
            try { _ = watcher.Updated(delta); }
            catch (Exception ex) { log.LogWarning(ex, "Hall {HallId}: could not tell silo {Silo}", HallId, siloId); }
        }
    }

    /// <summary>
    /// In a burst the predictor may reuse estimates for up to half a second (ForwardRunPredictor). When it did,
    /// the picture is built once more a little later, so the last tickets of a burst do not keep those estimates
    /// while the hall goes quiet; waiting tickets whose estimate moved are pushed again.
    /// </summary>
    private void ScheduleRepublish()
    {
        if (republishPending) return;
        republishPending = true;
        _ = RepublishLaterAsync();
    }

    private async Task RepublishLaterAsync()
    {
        await Task.Delay(RepublishAfter);
        var work = new Work(null) { Republish = true };
        pending.Add(work);
        if (!flushing)
        {
            flushing = true;
            _ = FlushAsync();
        }
    }

    private void Republish()
    {
        if (state is null || snapshot is null) return;
        var before = snapshot;
        var after = HallSnapshot.Of(state, time.GetUtcNow(), before, new HashSet<Guid>());
        snapshot = after;
        snapshots.Accept(new HallUpdate(HallId, [], before, after) { CommittedHere = true });
        TellWatchers(before, after, []);
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
