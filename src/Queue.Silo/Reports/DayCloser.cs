using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Queue.Silo.Storage;

namespace Queue.Silo.Reports;

/// <summary>
/// Keeps every hall's closed days in <c>report_days</c> shortly after start and then every hour (decision 0101), so the
/// first report of a long period on a node reads one row per day, not every ticket. Every node may run it: a day kept
/// twice is refused by its key and left as it was.
/// </summary>
public sealed class DayCloser(IDbContextFactory<QueueDb> dbs, QueueReports reports, TimeProvider time, ILogger<DayCloser> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and the first requests be answered) before reading history.
        await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CloseAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is down now is tried again at the next round; reports still read the tickets meanwhile.
                log.LogWarning(e, "Keeping closed report days failed; trying again in {Every}", Every);
            }
            await Task.Delay(Every, time, stoppingToken);
        }
    }

    public async Task CloseAllAsync(CancellationToken ct)
    {
        List<string> halls;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            halls = await db.Halls.AsNoTracking().OrderBy(h => h.Id).Select(h => h.Id).ToListAsync(ct);
        foreach (var hall in halls) await reports.CloseDaysAsync(hall, ct);
    }
}
