using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Queue.Web.Infrastructure;

/// <summary>Per-client limits. Settable under <c>RateLimits</c>, so a load test can raise them.</summary>
public sealed class RateLimitOptions
{
    public int TicketsPerMinute { get; set; } = 30;
    public int LoginsPerMinute { get; set; } = 20;
}

public static class RateLimits
{
    public const string Tickets = "tickets";
    public const string Login = "login";

    public static IServiceCollection AddQueueRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString();
                await Results.Problem(statusCode: 429, title: "Too many requests", detail: "请求过于频繁，请稍后再试 / Too many requests, try again shortly.")
                    .ExecuteAsync(ctx.HttpContext);
            };
            o.AddPolicy(Tickets, http => PerClient(http, options.TicketsPerMinute));
            o.AddPolicy(Login, http => PerClient(http, options.LoginsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
