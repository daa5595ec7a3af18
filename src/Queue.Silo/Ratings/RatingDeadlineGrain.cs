using Microsoft.Extensions.Logging;

namespace Queue.Silo.Ratings;

/// <summary>
/// The hall's rating deadlines on an Orleans reminder. One reminder per hall, not per ticket: a province's
/// halls serve millions of tickets a week, and every reminder is held in the memory of the silo that owns it.
/// Each tick is idempotent (unique indexes, once-only reminder and escalation flags), so a tick repeated after
/// a failover changes nothing twice.
/// </summary>
public sealed class RatingDeadlineGrain(DefaultRatings defaults, BadReviewCases cases, ILogger<RatingDeadlineGrain> log)
    : Grain, IRatingDeadlineGrain, IRemindable
{
    public const string ReminderName = "rating-deadlines";

    /// <summary>Deadlines are days long; a few minutes late is on time.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    private string HallId => this.GetPrimaryKeyString();

    public async Task Keep()
    {
        if (await this.GetReminder(ReminderName) is null) await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), Period);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName) return;
        try
        {
            var given = await defaults.ApplyAsync(HallId);
            var steps = await cases.SuperviseAsync(HallId);
            if (given + steps > 0) log.LogInformation("Hall {HallId}: gave {Given} default ratings, recorded {Steps} reminders/escalations", HallId, given, steps);
        }
        catch (Exception ex)
        {
            // The next tick tries again; nothing was half-done (each step is its own transaction).
            log.LogWarning(ex, "Rating deadlines of hall {HallId} failed; retrying next tick", HallId);
        }
    }
}
