using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Ratings;

/// <summary>
/// Served tickets nobody rated take the hall's default level after the hall's number of days, marked as
/// channel <see cref="RatingChannel.SystemDefault"/> (系统默认评价). A citizen who rates at the same moment
/// wins: the unique index refuses the default, which is then skipped.
/// </summary>
public sealed class DefaultRatings(IDbContextFactory<QueueDb> dbs, TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>Gives every due ticket of every hall its default rating; answers how many it gave.</summary>
    public async Task<int> ApplyAsync(CancellationToken ct = default)
    {
        List<string> hallIds;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            hallIds = await db.Halls.AsNoTracking().Select(h => h.Id).ToListAsync(ct);
        var given = 0;
        foreach (var hallId in hallIds) given += await ApplyAsync(hallId, ct);
        return given;
    }

    /// <summary>Gives every due ticket of one hall its default rating (the hall's reminder, decision 0090).</summary>
    public async Task<int> ApplyAsync(string hallId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var policy = await RatingPolicies.GetAsync(db, hallId, ct);
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(policy.DefaultAfterDays);
        var given = 0;
        while (true)
        {
            var due = await db.Tickets.AsNoTracking()
                .Where(t => t.HallId == hallId && t.Status == TicketStatus.Done && t.FinishedAt <= cutoff && !db.Set<Rating>().Any(r => r.TicketId == t.Id))
                .Take(Batch).ToListAsync(ct);
            if (due.Count == 0) break;
            given += await GiveAsync(due, policy.DefaultLevel, now, ct);
            if (due.Count < Batch) break;
        }
        return given;
    }

    private async Task<int> GiveAsync(IReadOnlyList<Ticket> due, RatingLevel level, DateTimeOffset now, CancellationToken ct)
    {
        Rating Default(Ticket t) => new(Guid.NewGuid(), RatingSubject.Of(t), 1, level, [], null, RatingChannel.SystemDefault, null, now);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.AddRange(due.Select(Default));
            try
            {
                await db.SaveChangesAsync(ct);
                return due.Count;
            }
            catch (DbUpdateException) { /* someone rated one of them meanwhile: go one by one */ }
        }
        var given = 0;
        foreach (var t in due)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            db.Add(Default(t));
            try
            {
                await db.SaveChangesAsync(ct);
                given++;
            }
            catch (DbUpdateException) { /* rated by the citizen: their rating stands */ }
        }
        return given;
    }
}
