using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Queue.Silo.Ratings;

public static class RatingServiceCollectionExtensions
{
    /// <summary>
    /// Registers 好差评: ratings, cases, scores, exports' queries, pads and the supervisor. The working-day
    /// calendar is <see cref="RatingCalendar"/> unless an <see cref="IWorkingDays"/> was registered before.
    /// </summary>
    public static IServiceCollection AddQueueRatings(this IServiceCollection services)
    {
        services.TryAddSingleton<RatingCalendar>();
        services.TryAddSingleton<IWorkingDays>(sp => sp.GetRequiredService<RatingCalendar>());
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
        services.AddHostedService<RatingSupervisor>();
        return services;
    }
}
