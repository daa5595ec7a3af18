using System.Net;
using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Citizen;

/// <summary>
/// Who the client is, for the per-client limits and the presence check. Behind the nginx front of
/// docs/operations.md every connection comes from the proxy; the citizen is the proxy's X-Forwarded-For
/// entry. These run on Kestrel, so the connection really is from loopback (the trusted place for a proxy on
/// the node's own machine).
/// </summary>
public sealed class ForwardedClientTests
{
    private static HttpRequestMessage RemoteTicket(string? forwardedFor, string channel = "mobile")
    {
        var req = new HttpRequestMessage(HttpMethod.Post, $"/api/halls/{Demo.City}/tickets")
        {
            Content = JsonContent.Create(new { serviceId = Demo.Invoice, channel }),
        };
        // A new device every time, as a script dropping its cookie would be: only the rate limit is left to stop it.
        req.Headers.Add("X-Device-Id", Guid.NewGuid().ToString());
        if (forwardedFor is not null) req.Headers.Add("X-Forwarded-For", forwardedFor);
        return req;
    }

    [Fact]
    public async Task RateLimitsCountEachCitizenBehindTheProxyNotTheProxy()
    {
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?> { ["RateLimits:TicketsPerMinute"] = "2" },
            new ManualClock(CitizenApi.Shanghai(23, 10)), kestrel: true);
        var proxy = app.CreateClient();
        async Task<HttpStatusCode> Take(string? from) => (await proxy.SendAsync(RemoteTicket(from))).StatusCode;

        Assert.Equal(HttpStatusCode.Created, await Take("203.0.113.10"));
        Assert.Equal(HttpStatusCode.Created, await Take("203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Take("203.0.113.10"));
        // Another phone behind the same proxy still has its own allowance.
        Assert.Equal(HttpStatusCode.Created, await Take("203.0.113.20"));
        // nginx appends the address it saw; what the client wrote before it does not get it a fresh allowance.
        Assert.Equal(HttpStatusCode.TooManyRequests, await Take("198.51.100.1, 203.0.113.10"));
        // Without the header the connection's own address counts (no proxy in front).
        Assert.Equal(HttpStatusCode.Created, await Take(null));
    }

    [Fact]
    public async Task PresenceCodeSeesTheDisplayBehindTheProxyAndItsScheme()
    {
        var settings = CitizenApi.Settings();
        settings["Presence:DisplayNetworks:0"] = "10.20.0.0/16";
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, settings, kestrel: true);
        var proxy = app.CreateClient();
        async Task<HttpResponseMessage> Code(string forwardedFor)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, $"/api/halls/{Demo.City}/presence-code");
            req.Headers.Add("X-Forwarded-For", forwardedFor);
            req.Headers.Add("X-Forwarded-Proto", "https");
            return await proxy.SendAsync(req);
        }

        var wall = await Code("10.20.3.4");
        Assert.Equal(HttpStatusCode.OK, wall.StatusCode);
        // The code a phone scans opens the hall's https address, not the proxy's plain-http hop.
        Assert.StartsWith("https://", (await wall.Content.ReadFromJsonAsync<PresenceCodeDto>(ApiCalls.Json))!.Url);
        Assert.Equal(HttpStatusCode.Forbidden, (await Code("192.0.2.7")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await proxy.GetAsync($"/api/halls/{Demo.City}/presence-code")).StatusCode);
    }

    [Fact]
    public async Task TheHallsKiosksBehindOneAddressGetTheLargerHallNetworkAllowance()
    {
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["RateLimits:TicketsPerMinute"] = "2",
            ["RateLimits:HallNetworks:0"] = "10.30.0.0/16",
            ["RateLimits:HallNetworkMultiplier"] = "5",
        }, new ManualClock(CitizenApi.Shanghai(23, 10)), kestrel: true);
        var proxy = app.CreateClient();
        async Task<HttpStatusCode> Take(string from, string channel) => (await proxy.SendAsync(RemoteTicket(from, channel))).StatusCode;

        // Every kiosk of the hall reaches the server through the hall's one address: 2 × 5 a minute from there.
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.Created, await Take("10.30.1.5", "kiosk"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Take("10.30.1.5", "kiosk"));
        // A citizen's address outside the hall's networks keeps the ordinary allowance.
        Assert.Equal(HttpStatusCode.Created, await Take("203.0.113.10", "mobile"));
        Assert.Equal(HttpStatusCode.Created, await Take("203.0.113.10", "mobile"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Take("203.0.113.10", "mobile"));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "nginx.local", "ForwardedHeaders:KnownProxies: 'nginx.local' is not an IP address.")]
    [InlineData("RateLimits:HallNetworks:0", "kiosks", "RateLimits:HallNetworks: 'kiosks' is not a network like 10.0.0.0/8.")]
    [InlineData("RateLimits:HallNetworkMultiplier", "0", "RateLimits:HallNetworkMultiplier must be 1 or more.")]
    [InlineData("Presence:DisplayNetworks:0", "wall", "Presence:DisplayNetworks: 'wall' is not a network like 10.0.0.0/8.")]
    public async Task AnAddressSettingThatDoesNotParseStopsTheHostAtStart(string key, string value, string message)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => QueueApp.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, e.ToString());
    }
}
