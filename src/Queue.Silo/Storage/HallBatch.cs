using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Queue.Silo.Engine;

namespace Queue.Silo.Storage;

/// <summary>An open transaction that holds one hall's lock for the length of one batch of commands.</summary>
public sealed class HallBatch(QueueDb db, IDbContextTransaction tx, long storedSeq, SemaphoreSlim? writerGate = null) : IAsyncDisposable
{
    private SemaphoreSlim? gate = writerGate;

    public QueueDb Db { get; } = db;

    /// <summary>The hall's last event number as the database has it; differs from ours if another node wrote.</summary>
    public long StoredSeq { get; } = storedSeq;

    /// <summary>Writes the batch's changes and events, announces them to other nodes, and commits.</summary>
    public async Task CommitAsync(HallChanges changes, CancellationToken ct)
    {
        foreach (var e in changes.Added) Db.Add(e);
        foreach (var e in changes.Modified) Db.Update(e);
        foreach (var e in changes.Events)
        {
            Db.HallEvents.Add(new HallEventRecord
            {
                HallId = e.HallId,
                Seq = e.Seq,
                Type = e.GetType().Name,
                Payload = JsonSerializer.Serialize(e, Json.Options),
                At = e.At,
            });
        }
        await Db.SaveChangesAsync(ct);
        if (!Db.IsSqlite && changes.Events.Count > 0)
        {
            var last = changes.Events[^1];
            // Delivered by PostgreSQL only when the transaction commits, so no node hears of an uncommitted event.
            await Db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [HallStore.NotifyChannel, $"{last.HallId}:{last.Seq}"], ct);
        }
        await tx.CommitAsync(ct);
        // The next hall may write now, while this one goes on to build its snapshot.
        ReleaseGate();
    }

    private void ReleaseGate() => Interlocked.Exchange(ref gate, null)?.Release();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await tx.DisposeAsync();
            await Db.DisposeAsync();
        }
        finally { ReleaseGate(); }
    }
}
