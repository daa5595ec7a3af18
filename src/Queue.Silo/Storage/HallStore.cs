using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Queue.Silo.Engine;
using Queue.Silo.Tickets;

namespace Queue.Silo.Storage;

/// <summary>Loads a hall's state and writes a batch of its changes in one transaction under the hall's lock.</summary>
public sealed class HallStore(IDbContextFactory<QueueDb> dbs, TimeProvider time)
{
    // SQLite has one write lock for the whole file. Halls waiting for it inside SQLite poll with the busy
    // handler's growing sleeps (up to 100 ms) and are not woken when it frees; queueing the writers of this
    // process here first hands the lock over as soon as it is released (decision 0072).
    private readonly SemaphoreSlim sqliteWriter = new(1, 1);

    /// <summary>Opens a transaction holding the hall's lock: a row lock on PostgreSQL, the write lock on SQLite.</summary>
    public async Task<HallBatch?> BeginAsync(string hallId, CancellationToken ct)
    {
        var db = await dbs.CreateDbContextAsync(ct);
        SemaphoreSlim? gate = null;
        try
        {
            if (db.IsSqlite)
            {
                await sqliteWriter.WaitAsync(ct);
                gate = sqliteWriter;
            }
            var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var sql = db.IsSqlite ? "SELECT \"Seq\" AS \"Value\" FROM halls WHERE \"Id\" = {0}" : "SELECT \"Seq\" AS \"Value\" FROM halls WHERE \"Id\" = {0} FOR UPDATE";
            var seqs = await db.Database.SqlQueryRaw<long>(sql, hallId).ToListAsync(ct);
            if (seqs.Count == 0)
            {
                await tx.DisposeAsync();
                await db.DisposeAsync();
                gate?.Release();
                return null;
            }
            return new HallBatch(db, tx, seqs[0], gate);
        }
        catch
        {
            await db.DisposeAsync();
            gate?.Release();
            throw;
        }
    }

    /// <summary>Reads the hall as of one consistent moment. Inside a batch, the batch's lock makes it consistent.</summary>
    public async Task<HallState?> LoadAsync(string hallId, IDispatchPolicy dispatch, IWaitPredictor predictor, HallBatch? batch, CancellationToken ct)
    {
        QueueDb db;
        IDbContextTransaction? own = null;
        if (batch is not null) db = batch.Db;
        else
        {
            db = await dbs.CreateDbContextAsync(ct);
            own = await db.Database.BeginTransactionAsync(db.IsSqlite ? IsolationLevel.Serializable : IsolationLevel.RepeatableRead, ct);
        }
        try
        {
            var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct);
            if (hall is null) return null;
            var today = hall.BusinessDay(time.GetUtcNow());
            var yesterday = today.AddDays(-1);
            var services = await db.Services.AsNoTracking().Where(s => s.HallId == hallId).ToListAsync(ct);
            var windows = await db.Windows.AsNoTracking().Where(w => w.HallId == hallId).ToListAsync(ct);
            // Today's tickets and any still unfinished (they expire at the first command of the new day).
            var tickets = await db.Tickets.AsNoTracking()
                .Where(t => t.HallId == hallId && (t.BusinessDay >= yesterday || t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
                .ToListAsync(ct);
            tickets = tickets.Where(t => t.BusinessDay >= today || t.IsActive).ToList();
            var counters = await db.TicketCounters.AsNoTracking().Where(c => c.HallId == hallId && c.Day >= today).ToListAsync(ct);
            var state = new HallState(hall, services, windows, tickets, counters, dispatch, predictor);
            foreach (var done in tickets.Where(t => t.Status == TicketStatus.Done && t.FinishedAt is not null).OrderBy(t => t.FinishedAt!.Value.UtcTicks))
                predictor.Observe(state, done);
            return state;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
                await db.DisposeAsync();
            }
        }
    }

    /// <summary>Events after <paramref name="afterSeq"/>, oldest first: what a replica missed.</summary>
    public async Task<IReadOnlyList<HallEvent>> ReadEventsAsync(string hallId, long afterSeq, long uptoSeq, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.HallEvents.AsNoTracking().Where(e => e.HallId == hallId && e.Seq > afterSeq && e.Seq <= uptoSeq)
            .OrderBy(e => e.Seq).ToListAsync(ct);
        return rows.Select(r => JsonSerializer.Deserialize<HallEvent>(r.Payload, Json.Options)!).ToList();
    }

    public async Task<IReadOnlyList<string>> HallIdsAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Halls.AsNoTracking().OrderBy(h => h.Level).ThenBy(h => h.Id).Select(h => h.Id).ToListAsync(ct);
    }

    /// <summary>Finds which hall a ticket belongs to, for routes that carry only the ticket id.</summary>
    public async Task<Ticket?> FindTicketAsync(Guid ticketId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct);
    }
}
