using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Calendar;

namespace Queue.Silo.Ratings;

public static class RatingServiceCollectionExtensions
{
    /// <summary>
    /// Registers 好差评: ratings, cases, scores, exports' queries, pads, and the reminders of every hall's rating deadlines. Case deadlines count
    /// the working days of the hall calendar (<see cref="HallWorkingDays"/>, decision 0065).
    /// </summary>
    public static IServiceCollection AddQueueRatings(this IServiceCollection services)
    {
        services.AddSingleton<IWorkingDays, HallWorkingDays>();
        services.AddSingleton<RatingPolicies>();
        services.AddSingleton<RatingInvitations>();
        services.AddSingleton<RatingPads>();
        services.AddSingleton<BadReviewCases>();
        services.AddSingleton<RatingService>();
        services.AddSingleton<DefaultRatings>();
        services.AddSingleton<RatingQueries>();
        services.AddSingleton<RatingScores>();
        services.AddSingleton<PadDesk>();
        services.AddSingleton<AppendOnlyTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AppendOnlyTrail>());
        services.AddSingleton<RatingClient>();
        services.AddHostedService<RatingReminders>();
        return services;
    }
}
