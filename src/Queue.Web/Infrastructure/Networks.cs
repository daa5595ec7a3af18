using System.Net;

namespace Queue.Web.Infrastructure;

/// <summary>Address lists from configuration (CIDR): parsed once at start, matched per request.</summary>
public static class Networks
{
    /// <summary>The networks of a setting; a wrong entry stops the host at start instead of silently matching nobody.</summary>
    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string> values, string setting) =>
        [.. values.Select(n => IPNetwork.TryParse(n, out var net) ? net
            : throw new InvalidOperationException($"{setting}: '{n}' is not a network like 10.0.0.0/8."))];

    /// <summary>Whether the client is in one of the networks; an IPv4 client on a dual-stack socket counts as IPv4.</summary>
    public static bool Contain(this IReadOnlyList<IPNetwork> networks, IPAddress? address)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }
}
