using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Queue.Web.Infrastructure;

/// <summary>
/// The citizen's own address and scheme behind the documented nginx front (docs/operations.md). Without it,
/// every request behind the proxy came from the proxy: all phones of a hall shared one rate-limit allowance
/// (30 tickets a minute for the whole hall), the presence code's display-network check saw only the proxy,
/// and the presence QR pointed at http behind a TLS front. Only proxies we trust may say who the client is:
/// loopback (nginx on the node's machine) by default, others listed under <c>ForwardedHeaders</c>
/// (decision 0074). Each trusted proxy's last X-Forwarded-For entry is the one it saw; entries a client
/// wrote itself further left are ignored.
/// </summary>
public static class ForwardedClient
{
    public static IServiceCollection AddForwardedClient(this IServiceCollection services, IConfiguration config)
    {
        // Parsed here, not when the options are first read, so a wrong entry stops the host at start.
        var proxies = (config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? []).Select(p => IPAddress.TryParse(p, out var ip) ? ip
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = Networks.Parse(config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [], "ForwardedHeaders:KnownNetworks");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var ip in proxies) o.KnownProxies.Add(ip);
            foreach (var net in networks) o.KnownIPNetworks.Add(net);
        });
        return services;
    }
}
