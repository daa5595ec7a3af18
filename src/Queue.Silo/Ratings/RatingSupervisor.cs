using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Queue.Silo.Ratings;

/// <summary>
/// The background side of 好差评: every few minutes gives default ratings and reminds or escalates cases.
/// Each round is idempotent (unique indexes, once-only reminder and escalation flags), so several nodes
/// may run it side by side.
/// </summary>
public sealed class RatingSupervisor(DefaultRatings defaults, BadReviewCases cases, TimeProvider time, ILogger<RatingSupervisor> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var given = await defaults.ApplyAsync(stop);
                var steps = await cases.SuperviseAsync(stop);
                if (given + steps > 0) log.LogInformation("Gave {Given} default ratings, recorded {Steps} reminders/escalations", given, steps);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(ex, "Rating supervision round failed; retrying next round");
            }
            try { await Task.Delay(Interval, time, stop); }
            catch (OperationCanceledException) { return; }
        }
    }
}
