using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Queue.Web.Citizen;

/// <summary>
/// Per-client limit on bookings and kiosk check-ins (<c>RateLimits:BookingsPerMinute</c>), beside the
/// shared ticket limit that remote tickets go through. Registered on the same rate limiter.
/// </summary>
public static class CitizenRateLimits
{
    public const string Bookings = "bookings";

    public static IServiceCollection AddCitizenRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("RateLimits:BookingsPerMinute", 10);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Bookings, http =>
            RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }
}
