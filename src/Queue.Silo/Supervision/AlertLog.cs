using Microsoft.EntityFrameworkCore;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Storage;

namespace Queue.Silo.Supervision;

/// <summary>The live alerts of a hall (those not yet acknowledged) and the log of acknowledged ones.</summary>
public sealed class AlertLog(HallClient halls, IDbContextFactory<QueueDb> dbs, TimeProvider time)
{
    private const int LogSize = 200;

    public async Task<IReadOnlyList<HallAlert>> ActiveAsync(string hallId)
    {
        var snapshot = await halls.SnapshotAsync(hallId);
        var alerts = SupervisionRules.Evaluate(snapshot, time.GetUtcNow());
        if (alerts.Count == 0) return alerts;
        await using var db = await dbs.CreateDbContextAsync();
        var keys = alerts.Select(a => a.Key).ToList();
        var acked = (await db.Set<AlertAcknowledgement>().Where(a => a.HallId == hallId && keys.Contains(a.Key)).Select(a => new { a.Key, a.Level }).ToListAsync())
            .Select(a => (a.Key, a.Level)).ToHashSet();
        return alerts.Where(a => !acked.Contains((a.Key, a.Level))).ToList();
    }

    /// <summary>Acknowledges the live alert <paramref name="key"/> at its current level; 404 when no such alert is live.</summary>
    public async Task<AlertAcknowledgement> AcknowledgeAsync(string hallId, string key, string? by)
    {
        var snapshot = await halls.SnapshotAsync(hallId);
        var alert = SupervisionRules.Evaluate(snapshot, time.GetUtcNow()).FirstOrDefault(a => a.Key == key)
            ?? throw HallException.NotFound("alert", key);
        await using var db = await dbs.CreateDbContextAsync();
        var existing = await db.Set<AlertAcknowledgement>().FirstOrDefaultAsync(a => a.HallId == hallId && a.Key == key && a.Level == alert.Level);
        if (existing is not null) return existing;
        var ack = new AlertAcknowledgement(hallId, alert, by, time.GetUtcNow());
        db.Add(ack);
        try
        {
            await db.SaveChangesAsync();
            return ack;
        }
        catch (DbUpdateException)
        {
            // Two managers acknowledged at once: the unique index kept one; answer with it.
            await using var again = await dbs.CreateDbContextAsync();
            return await again.Set<AlertAcknowledgement>().FirstAsync(a => a.HallId == hallId && a.Key == key && a.Level == alert.Level);
        }
    }

    public async Task<IReadOnlyList<AlertAcknowledgement>> LogAsync(string hallId)
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.Set<AlertAcknowledgement>().Where(a => a.HallId == hallId).OrderByDescending(a => a.AcknowledgedAt).Take(LogSize).ToListAsync();
    }
}
