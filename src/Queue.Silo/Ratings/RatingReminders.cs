using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Queue.Silo.Storage;

namespace Queue.Silo.Ratings;

/// <summary>
/// Keeps every hall's rating-deadline reminder registered: at start (an embedded silo keeps reminders in memory,
/// so a restart registers them again; storage holds what is due) and every few minutes for halls set up since.
/// Registering is idempotent, so every node may do it; each node asks once per hall, not every few minutes (a
/// province has 20,000 halls).
/// </summary>
public sealed class RatingReminders(IGrainFactory grains, IDbContextFactory<QueueDb> dbs, ILogger<RatingReminders> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5), Retry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        while (!stop.IsCancellationRequested)
        {
            var wait = Interval;
            try
            {
                List<string> hallIds;
                await using (var db = await dbs.CreateDbContextAsync(stop))
                    hallIds = await db.Halls.AsNoTracking().Select(h => h.Id).ToListAsync(stop);
                foreach (var hallId in hallIds.Where(id => !kept.Contains(id)))
                {
                    await grains.GetGrain<IRatingDeadlineGrain>(hallId).Keep();
                    kept.Add(hallId);
                }
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(ex, "Could not register the halls' rating reminders; retrying");
                wait = Retry;
            }
            // Real time on purpose: tests give the engine a virtual clock, the reminders run on Orleans' own.
            try { await Task.Delay(wait, stop); }
            catch (OperationCanceledException) { return; }
        }
    }
}
