using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Queue.LoadTests;

/// <summary>The calls the generator makes, as an outside client makes them (JSON over HTTP, bearer tokens for staff).</summary>
public sealed class QueueApi : IDisposable
{
    private readonly HttpClient http;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Code, DateTime At)> presence = new();

    /// <param name="spread">A cluster's nodes: each request goes to the next of them (<see cref="SpreadingHandler"/>).</param>
    public QueueApi(Uri baseAddress, int maxConnections = 512, IReadOnlyList<Uri>? spread = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        http = new HttpClient(spread is { Count: > 1 } ? new SpreadingHandler(spread, handler) : handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress => http.BaseAddress!;

    public async Task<string> LoginAsync(string user, string password = "demo123")
    {
        using var res = await SendAsync(HttpMethod.Post, "/api/auth/login", null, $$"""{"username":"{{user}}","password":"{{password}}"}""");
        if (res.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"login {user}: {(int)res.StatusCode}");
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    public async Task<List<HallPlan>> HallsAsync()
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/halls"));
        var result = new List<HallPlan>();
        foreach (var h in doc.RootElement.EnumerateArray())
        {
            var id = h.GetProperty("id").GetString()!;
            using var detail = JsonDocument.Parse(await http.GetStringAsync($"/api/halls/{id}"));
            var windows = detail.RootElement.GetProperty("windows").EnumerateArray()
                .Select(w => new WindowPlan(id, w.GetProperty("id").GetString()!, w.GetProperty("number").GetInt32(),
                    w.GetProperty("serviceIds").EnumerateArray().Select(s => s.GetString()!).ToList())).ToList();
            var services = windows.SelectMany(w => w.ServiceIds).Distinct().ToList();
            result.Add(new HallPlan(id, services, windows));
        }
        return result;
    }

    /// <summary>Sends one request; the caller owns the response. Network failures surface as exceptions.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, string? json, CancellationToken ct = default)
    {
        var req = new HttpRequestMessage(method, path);
        if (bearer is not null) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (json is not null) req.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return http.SendAsync(req, ct);
    }

    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken ct = default) => http.SendAsync(request, ct);

    /// <summary>Takes a ticket. A phone ticket carries a device id of its own: the hall allows one active phone ticket per phone and service.</summary>
    public Task<HttpResponseMessage> IssueAsync(string hallId, string serviceId, string channel, CancellationToken ct = default)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, $"/api/halls/{hallId}/tickets")
        {
            Content = new StringContent(IssueBody(serviceId, channel), Encoding.UTF8, "application/json"),
        };
        if (channel == "mobile") req.Headers.Add("X-Device-Id", Guid.NewGuid().ToString("N"));
        return http.SendAsync(req, ct);
    }

    /// <summary>The phone scans the hall's presence code on arrival (签到); only then is a phone ticket called.</summary>
    public async Task<HttpResponseMessage> ArriveAsync(string hallId, Guid ticketId, string token, CancellationToken ct = default)
    {
        var code = await PresenceCodeAsync(hallId, ct);
        return await SendAsync(HttpMethod.Post, $"/api/tickets/{ticketId}/arrive", null, JsonSerializer.Serialize(new { token, code }), ct);
    }

    /// <summary>The code the wall display shows; it rotates every 30 s, so it is read again after 15 s.</summary>
    private async Task<string> PresenceCodeAsync(string hallId, CancellationToken ct)
    {
        if (presence.TryGetValue(hallId, out var known) && DateTime.UtcNow - known.At < TimeSpan.FromSeconds(15)) return known.Code;
        using var res = await http.GetAsync($"/api/halls/{hallId}/presence-code", ct);
        res.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync(ct));
        var code = doc.RootElement.GetProperty("code").GetString()!;
        presence[hallId] = (code, DateTime.UtcNow);
        return code;
    }

    public static string IssueBody(string serviceId, string channel) => $$"""{"serviceId":"{{serviceId}}","channel":"{{channel}}"}""";

    public static string WindowPath(string hallId, string windowId, string action) => $"/api/halls/{hallId}/windows/{windowId}/{action}";

    public void Dispose() => http.Dispose();
}

public sealed record WindowPlan(string HallId, string Id, int Number, List<string> ServiceIds);

public sealed record HallPlan(string Id, List<string> ServiceIds, List<WindowPlan> Windows);
