using Microsoft.AspNetCore.RateLimiting;
using Queue.Web.Infrastructure;

namespace Queue.Web.Citizen;

/// <summary>
/// Per-client limit on bookings and kiosk check-ins (<c>RateLimits:BookingsPerMinute</c>), beside the
/// shared ticket limit that remote tickets go through. Registered on the same rate limiter, with the same
/// larger allowance for the hall's device networks (kiosk check-ins at the opening rush).
/// </summary>
public static class CitizenRateLimits
{
    public const string Bookings = "bookings";

    public static IServiceCollection AddCitizenRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("RateLimits:BookingsPerMinute", 10);
        services.AddOptions<RateLimiterOptions>().Configure<ClientAllowance>((o, clients) =>
            o.AddPolicy(Bookings, http => clients.PerMinute(http, perMinute)));
        return services;
    }
}
