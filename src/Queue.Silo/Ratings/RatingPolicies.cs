using Microsoft.EntityFrameworkCore;
using Queue.Silo.Engine;
using Queue.Silo.Storage;

namespace Queue.Silo.Ratings;

/// <summary>Reads and changes a hall's <see cref="RatingPolicy"/>.</summary>
public sealed class RatingPolicies(IDbContextFactory<QueueDb> dbs, TimeProvider time)
{
    public async Task<RatingPolicy> GetAsync(string hallId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await GetAsync(db, hallId, ct);
    }

    internal static async Task<RatingPolicy> GetAsync(IDbContextFactory<QueueDb> dbs, string hallId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await GetAsync(db, hallId, ct);
    }

    internal static async Task<RatingPolicy> GetAsync(QueueDb db, string hallId, CancellationToken ct) =>
        (await db.Set<HallRatingPolicy>().AsNoTracking().FirstOrDefaultAsync(p => p.HallId == hallId, ct))?.Policy ?? new RatingPolicy();

    public async Task<RatingPolicy> SetAsync(string hallId, RatingPolicy policy, string changedBy, CancellationToken ct = default)
    {
        policy.Check();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct)) throw HallException.NotFound("hall", hallId);
        var row = await db.Set<HallRatingPolicy>().FirstOrDefaultAsync(p => p.HallId == hallId, ct);
        if (row is null) db.Add(row = new HallRatingPolicy(hallId, policy));
        row.Policy = policy;
        row.ChangedAt = time.GetUtcNow();
        row.ChangedBy = changedBy;
        await db.SaveChangesAsync(ct);
        return policy;
    }
}
