using System.Diagnostics;
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

    /// <summary>The hall's last event number as the database has it; differs from ours if another activation wrote.</summary>
    public long StoredSeq { get; } = storedSeq;

    /// <summary>Writes the batch's changes and events and commits.</summary>
    public async Task CommitAsync(HallChanges changes, CancellationToken ct)
    {
        // Plain rows bypass SaveChanges: on SQLite as prepared statements run at once, on PostgreSQL as one
        // multi-statement command (decision 0073). Anything else goes through EF in the same transaction.
        await using var sqlite = Db.IsSqlite ? new SqliteRows(Db) : null;
        var postgres = Db.IsSqlite ? null : new PostgresRows(Db);
        async Task Write(object entity, bool insert)
        {
            var done = sqlite is not null ? await sqlite.TryWriteAsync(entity, insert, ct) : postgres!.TryAdd(entity, insert);
            if (done) return;
            if (insert) Db.Add(entity);
            else Db.Update(entity);
        }
        foreach (var e in changes.Added) await Write(e, insert: true);
        foreach (var e in changes.Modified) await Write(e, insert: false);
        foreach (var e in changes.Events)
        {
            await Write(new HallEventRecord
            {
                HallId = e.HallId,
                Seq = e.Seq,
                Type = e.GetType().Name,
                Payload = JsonSerializer.Serialize(e, Json.Options),
                At = e.At,
            }, insert: true);
        }
        foreach (var e in changes.Removed) Db.Remove(e);
        if (postgres is not null) await postgres.FlushAsync(ct);
        await Db.SaveChangesAsync(ct);
        Written = Stopwatch.GetTimestamp();
        await tx.CommitAsync(ct);
        // The next hall may write now, while this one goes on to build its snapshot.
        ReleaseGate();
    }

    /// <summary>When the rows were written, before the commit (for the batch profile).</summary>
    public long Written { get; private set; }

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
