using Microsoft.EntityFrameworkCore;
using Queue.Silo.Engine;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Ratings;

/// <summary>
/// Pairs a window's evaluator pad (a manager does it once per device) and checks the device key the pad
/// presents when it joins its window's hub group.
/// </summary>
public sealed class RatingPads(IDbContextFactory<QueueDb> dbs, TimeProvider time)
{
    /// <summary>Issues a new device key for the window's pad; the previous key stops working.</summary>
    public async Task<string> PairAsync(string hallId, string windowId, string pairedBy, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Windows.AnyAsync(w => w.Id == windowId && w.HallId == hallId, ct)) throw HallException.NotFound("window", windowId);
        var key = TicketToken.New();
        var existing = await db.Set<RatingPad>().FirstOrDefaultAsync(p => p.HallId == hallId && p.WindowId == windowId, ct);
        if (existing is not null) db.Remove(existing);
        db.Add(new RatingPad(hallId, windowId, TicketToken.Hash(key), time.GetUtcNow(), pairedBy));
        await db.SaveChangesAsync(ct);
        return key;
    }

    public async Task<bool> IsPairedAsync(string hallId, string windowId, string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(key)) return false;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var pad = await db.Set<RatingPad>().AsNoTracking().FirstOrDefaultAsync(p => p.HallId == hallId && p.WindowId == windowId, ct);
        return pad is not null && TicketToken.Matches(key, pad.KeyHash);
    }

    /// <summary>The hall's paired pads by window: when and by whom (the device key itself is kept only as a hash).</summary>
    public async Task<IReadOnlyDictionary<string, RatingPad>> ListAsync(string hallId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<RatingPad>().AsNoTracking().Where(p => p.HallId == hallId).ToDictionaryAsync(p => p.WindowId, ct);
    }
}
