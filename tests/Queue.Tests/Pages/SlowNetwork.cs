using System.Text.Json;
using Microsoft.Playwright;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Pages;

/// <summary>
/// A phone on a slow mobile network (1.6 Mbps down, 150 ms round trip), emulated by Chromium itself (CDP
/// Network.emulateNetworkConditions), and what a visit costs on it: bytes on the wire (Network.loadingFinished's
/// encodedDataLength: headers and the body as sent, compressed or not; nothing for what the cache answered) and the
/// first paint the page reports.
/// </summary>
internal sealed class SlowNetwork
{
    private readonly ICDPSession cdp;
    private readonly List<(string Url, long Bytes, double At)> finished = [];
    private readonly Dictionary<string, string> urls = [];
    private double? started;

    private SlowNetwork(ICDPSession cdp) => this.cdp = cdp;

    public static async Task<SlowNetwork> AttachAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var network = new SlowNetwork(cdp);
        cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is not { } v) return;
            lock (network.finished)
            {
                network.urls[v.GetProperty("requestId").GetString()!] = v.GetProperty("request").GetProperty("url").GetString()!;
                network.started ??= v.GetProperty("timestamp").GetDouble();
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is not { } v) return;
            lock (network.finished)
            {
                var id = v.GetProperty("requestId").GetString()!;
                network.finished.Add((network.urls.GetValueOrDefault(id, id), (long)v.GetProperty("encodedDataLength").GetDouble(),
                    (v.GetProperty("timestamp").GetDouble() - (network.started ?? 0)) * 1000));
            }
        };
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = 150,
            ["downloadThroughput"] = 1_600_000 / 8,
            ["uploadThroughput"] = 750_000 / 8,
        });
        return network;
    }

    /// <summary>Opens a page and answers what it cost: bytes transferred, requests that moved bytes, and its first paint.</summary>
    public async Task<Visit> VisitAsync(IPage page, string url)
    {
        lock (finished) { finished.Clear(); started = null; }
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
        // The hub's negotiate and its WebSocket upgrade come after load: count them too.
        await page.WaitForTimeoutAsync(1500);
        var paint = await page.EvaluateAsync<double?>("() => performance.getEntriesByType('paint').find(p => p.name === 'first-paint')?.startTime ?? null");
        lock (finished)
        {
            var moved = finished.Where(f => f.Bytes > 0).ToList();
            return new Visit(url, moved.Sum(f => f.Bytes), moved.Count, paint, moved.Select(f => $"{f.Bytes,7} B, done at {f.At,5:0} ms  {f.Url}").ToList());
        }
    }

    public Task DetachAsync() => cdp.DetachAsync();
}

/// <summary>One page visit on the slow network.</summary>
internal sealed record Visit(string Url, long Bytes, int Requests, double? FirstPaintMs, IReadOnlyList<string> Lines)
{
    public double KiB => Bytes / 1024.0;

    public override string ToString() =>
        $"{Url}: {KiB:0.0} KiB in {Requests} requests, first paint {(FirstPaintMs is { } p ? $"{p:0} ms" : "none")}\n  " + string.Join("\n  ", Lines);

    public string Json() => JsonSerializer.Serialize(new { url = Url, kib = Math.Round(KiB, 1), requests = Requests, firstPaintMs = FirstPaintMs is { } p ? Math.Round(p) : (double?)null });
}
