using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;

namespace Queue.Silo.Ratings;

/// <summary>Reads ratings and cases for the console and the exports. Exports stream row by row.</summary>
public sealed class RatingQueries(IDbContextFactory<QueueDb> dbs)
{
    public async Task<IReadOnlyList<Rating>> ListAsync(RatingFilter filter, int limit, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Apply(db.Set<Rating>().AsNoTracking(), filter).OrderByDescending(r => r.RatedAt).Take(limit).ToListAsync(ct);
    }

    public async Task<Rating?> FindAsync(Guid ratingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<Rating>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == ratingId, ct);
    }

    /// <summary>Every matching rating, oldest first, read from the database as the caller writes them out.</summary>
    public async IAsyncEnumerable<Rating> StreamAsync(RatingFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await foreach (var r in Apply(db.Set<Rating>().AsNoTracking(), filter).OrderBy(r => r.RatedAt).ThenBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return r;
    }

    public async IAsyncEnumerable<BadReviewCase> StreamCasesAsync(string? hallId, DateOnly? from, DateOnly? to, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<BadReviewCase>().AsNoTracking();
        if (hallId is not null) q = q.Where(c => c.HallId == hallId);
        if (from is { } f) q = q.Where(c => c.OpenedDay >= f);
        if (to is { } t) q = q.Where(c => c.OpenedDay <= t);
        await foreach (var c in q.OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return c;
    }

    private static IQueryable<Rating> Apply(IQueryable<Rating> q, RatingFilter f)
    {
        if (f.HallId is not null) q = q.Where(r => r.HallId == f.HallId);
        if (f.WindowId is not null) q = q.Where(r => r.WindowId == f.WindowId);
        if (f.StaffId is not null) q = q.Where(r => r.StaffId == f.StaffId);
        if (f.ServiceId is not null) q = q.Where(r => r.ServiceId == f.ServiceId);
        if (f.Level is { } level) q = q.Where(r => r.Level == level);
        if (f.From is { } from) q = q.Where(r => r.BusinessDay >= from);
        if (f.To is { } to) q = q.Where(r => r.BusinessDay <= to);
        return q;
    }
}
