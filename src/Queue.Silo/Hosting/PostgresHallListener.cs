using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Queue.Silo.Storage;

namespace Queue.Silo.Hosting;

/// <summary>
/// On PostgreSQL, hears other nodes' commits (LISTEN/NOTIFY) and has the hall's writer catch up, which
/// publishes the missed events to this node's displays and phones. A periodic check of every active
/// hall's sequence number covers notifications lost while the listening connection was down.
/// </summary>
public sealed class PostgresHallListener(StorageOptions options, HallRegistry halls, ILogger<PostgresHallListener> log) : BackgroundService
{
    private static readonly TimeSpan SafetyCheck = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (options.Provider != StorageProvider.Postgres) return;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(options.ResolveConnectionString());
                await conn.OpenAsync(stop);
                conn.Notification += (_, n) => OnNotification(n.Payload);
                await using (var cmd = new NpgsqlCommand($"LISTEN {HallStore.NotifyChannel}", conn)) await cmd.ExecuteNonQueryAsync(stop);
                // Anything committed while we were not listening is caught by this first sweep.
                RefreshAll();
                while (!stop.IsCancellationRequested)
                {
                    if (!await conn.WaitAsync(SafetyCheck, stop)) RefreshAll();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Lost the hall-event listener; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void OnNotification(string payload)
    {
        var colon = payload.LastIndexOf(':');
        if (colon <= 0 || !long.TryParse(payload.AsSpan(colon + 1), out var seq)) return;
        var hallId = payload[..colon];
        _ = Refresh(hallId, seq);
    }

    private void RefreshAll()
    {
        foreach (var grain in halls.Active) _ = Refresh(grain.HallId, null);
    }

    private async Task Refresh(string hallId, long? seq)
    {
        try { await (await halls.GetAsync(hallId)).RefreshAsync(seq); }
        catch (Exception ex) { log.LogWarning(ex, "Could not catch up hall {HallId}", hallId); }
    }
}
