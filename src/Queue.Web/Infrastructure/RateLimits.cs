using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Queue.Web.Infrastructure;

/// <summary>Per-client limits. Settable under <c>RateLimits</c>, so a load test can raise them.</summary>
public sealed class RateLimitOptions
{
    public int TicketsPerMinute { get; set; } = 30;
    public int LoginsPerMinute { get; set; } = 20;

    /// <summary>
    /// The hall's own device networks (kiosks, evaluator pads, staff terminals), as CIDR. A hall's devices usually
    /// reach the server through one address, so at the opening rush every kiosk of the hall shares one allowance;
    /// from these networks each limit is <see cref="HallNetworkMultiplier"/> times larger. Leave the guest Wi-Fi out.
    /// </summary>
    public string[] HallNetworks { get; set; } = [];

    public int HallNetworkMultiplier { get; set; } = 20;
}

public static class RateLimits
{
    public const string Tickets = "tickets";
    public const string Login = "login";

    public static IServiceCollection AddQueueRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        var clients = new ClientAllowance(options);
        services.AddSingleton(clients);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString();
                await Results.Problem(statusCode: 429, title: "Too many requests", detail: ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Refusals>>().Word("request.tooMany"))
                    .ExecuteAsync(ctx.HttpContext);
            };
            o.AddPolicy(Tickets, http => clients.PerMinute(http, options.TicketsPerMinute));
            o.AddPolicy(Login, http => clients.PerMinute(http, options.LoginsPerMinute));
        });
        return services;
    }
}

/// <summary>One fixed-window allowance per client address (as the trusted proxy gave it, decision 0074); larger in the hall's device networks.</summary>
public sealed class ClientAllowance
{
    private readonly IReadOnlyList<IPNetwork> hallNetworks;
    private readonly int multiplier;

    public ClientAllowance(RateLimitOptions options)
    {
        // Parsed at start: a typo must stop the host, not silently leave the kiosks on the citizens' allowance.
        hallNetworks = Networks.Parse(options.HallNetworks, "RateLimits:HallNetworks");
        multiplier = options.HallNetworkMultiplier >= 1 ? options.HallNetworkMultiplier
            : throw new InvalidOperationException("RateLimits:HallNetworkMultiplier must be 1 or more.");
    }

    public RateLimitPartition<string> PerMinute(HttpContext http, int perMinute)
    {
        var address = http.Connection.RemoteIpAddress;
        var hall = hallNetworks.Contain(address);
        return RateLimitPartition.GetFixedWindowLimiter(address?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = hall ? perMinute * multiplier : perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
