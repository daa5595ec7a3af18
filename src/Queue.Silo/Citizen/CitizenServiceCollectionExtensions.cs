using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Booking;
using Queue.Silo.Presence;

namespace Queue.Silo.Citizen;

public static class CitizenServiceCollectionExtensions
{
    /// <summary>The citizen's journey: secrets, presence codes, remote and booking tickets, bookings.</summary>
    public static IServiceCollection AddCitizenJourney(this IServiceCollection services)
    {
        services.AddSingleton<CitizenSecrets>();
        services.AddSingleton<PresenceCodes>();
        services.AddSingleton<CitizenClient>();
        services.AddSingleton<BookingLedger>();
        return services;
    }
}
