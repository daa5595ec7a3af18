using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Queue.LoadTests;

/// <summary>
/// Many real SignalR JavaScript clients (tests/hub-client/swarm.mjs) in one node process: wall displays that
/// join halls and phones that watch tickets. It reports when each client received each TicketCalled.
/// </summary>
public sealed class HubSwarm : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<JsonElement> lines = Channel.CreateUnbounded<JsonElement>();
    private readonly object stdin = new();

    private HubSwarm(Process process) => this.process = process;

    public int Open { get; private set; }
    public int Total { get; private set; }
    public double OpenMs { get; private set; }

    /// <summary><paramref name="displays"/> like <c>jc-civic:40,jc-donghu:10</c>.</summary>
    public static Task<HubSwarm> StartAsync(Uri server, string displays, int phones, int rampPerSecond = 400, TimeSpan? timeout = null) =>
        StartAsync([server], displays, phones, rampPerSecond, timeout);

    /// <summary>Clients spread over several nodes: each new client connects to the next of <paramref name="servers"/>.</summary>
    public static async Task<HubSwarm> StartAsync(IReadOnlyList<Uri> servers, string displays, int phones, int rampPerSecond = 400, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "tests", "hub-client"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--max-old-space-size=4096");
        info.ArgumentList.Add("swarm.mjs");
        info.ArgumentList.Add(string.Join(',', servers.Select(s => s.ToString().TrimEnd('/'))));
        info.ArgumentList.Add("--displays");
        info.ArgumentList.Add(displays);
        info.ArgumentList.Add("--phones");
        info.ArgumentList.Add(phones.ToString());
        info.ArgumentList.Add("--ramp");
        info.ArgumentList.Add(rampPerSecond.ToString());
        var swarm = new HubSwarm(Process.Start(info) ?? throw new InvalidOperationException("node did not start"));
        swarm.process.OutputDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data)) return;
            swarm.lines.Writer.TryWrite(JsonDocument.Parse(e.Data).RootElement.Clone());
        };
        swarm.process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) Console.Error.WriteLine("swarm: " + e.Data); };
        swarm.process.BeginOutputReadLine();
        swarm.process.BeginErrorReadLine();
        var ready = await swarm.NextAsync("ready", timeout ?? TimeSpan.FromMinutes(3));
        swarm.Open = ready.GetProperty("open").GetInt32();
        swarm.Total = ready.GetProperty("total").GetInt32();
        swarm.OpenMs = ready.GetProperty("ms").GetDouble();
        return swarm;
    }

    public void Watch(Guid ticketId, string token) => Send($"watch {ticketId} {token}");

    /// <summary>
    /// How many clients are connected and current, how many lost their connection at or after
    /// <paramref name="sinceMs"/>, and how many of those are back and resynchronised.
    /// </summary>
    public async Task<SwarmStatus> StatusAsync(double sinceMs)
    {
        Send($"status {sinceMs:0}");
        var s = await NextAsync("status", TimeSpan.FromSeconds(30));
        return new SwarmStatus(s.GetProperty("total").GetInt32(), s.GetProperty("up").GetInt32(), s.GetProperty("resynced").GetInt32(),
            s.GetProperty("reconnects").GetInt32(), s.GetProperty("resyncs").GetInt32())
        {
            Lost = s.GetProperty("lost").GetInt32(),
            Stuck = [.. s.GetProperty("stuck").EnumerateArray().Select(e => e.GetString() ?? "")],
        };
    }

    /// <summary>Every client lost its connection since <paramref name="sinceMs"/> and has resynchronised since (a node's own clients).</summary>
    public Task<SwarmStatus> WaitAllResyncedAsync(double sinceMs, TimeSpan timeout) => WaitAsync(sinceMs, timeout, s => s.Resynced == s.Total);

    /// <summary>Every client is up: connected and resynchronised since it last lost its connection (if it did).</summary>
    public Task<SwarmStatus> WaitCurrentAsync(double sinceMs, TimeSpan timeout) => WaitAsync(sinceMs, timeout, s => s.Up == s.Total);

    private async Task<SwarmStatus> WaitAsync(double sinceMs, TimeSpan timeout, Func<SwarmStatus, bool> done)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var s = await StatusAsync(sinceMs);
            if (done(s) || DateTime.UtcNow > until) return s;
            await Task.Delay(250);
        }
    }

    public async Task<JsonElement> ReportAsync()
    {
        Send("report");
        return await NextAsync("report", TimeSpan.FromMinutes(1));
    }

    private void Send(string line)
    {
        lock (stdin) process.StandardInput.WriteLine(line);
    }

    private async Task<JsonElement> NextAsync(string kind, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var j = await lines.Reader.ReadAsync(cts.Token);
            if (j.GetProperty("kind").GetString() == kind) return j;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Send("quit");
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(cts.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException) { }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}

/// <summary>Up: connected and resynchronised since its last loss. Resynced: of the Lost since a moment, those back and resynchronised.</summary>
public sealed record SwarmStatus(int Total, int Up, int Resynced, int Reconnects, int Resyncs)
{
    public int Lost { get; init; }

    /// <summary>A few clients not up: state, when lost, last resync error.</summary>
    public IReadOnlyList<string> Stuck { get; init; } = [];
}
