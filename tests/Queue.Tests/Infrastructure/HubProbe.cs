using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Queue.Tests.Infrastructure;

/// <summary>
/// The real SignalR JavaScript client (@microsoft/signalr, tests/hub-client/probe.mjs) in a node process.
/// Every message it receives arrives here as a parsed JSON line.
/// </summary>
public sealed class HubProbe : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<JsonElement> seen = [];
    private readonly Channel<JsonElement> lines = Channel.CreateUnbounded<JsonElement>();

    private HubProbe(Process process) => this.process = process;

    /// <summary>Actions: <c>join:{hallId}</c>, <c>watch:{ticketId}:{token}</c>.</summary>
    public static async Task<HubProbe> StartAsync(Uri server, params string[] actions)
    {
        var dir = Path.Combine(TestEnvironment.RepoRoot, "tests", "hub-client");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("probe.mjs");
        info.ArgumentList.Add(server.ToString().TrimEnd('/'));
        foreach (var a in actions) info.ArgumentList.Add(a);
        var probe = new HubProbe(Process.Start(info) ?? throw new InvalidOperationException("node did not start"));
        probe.process.OutputDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data)) return;
            var json = JsonDocument.Parse(e.Data).RootElement.Clone();
            lock (probe.seen) probe.seen.Add(json);
            probe.lines.Writer.TryWrite(json);
        };
        probe.process.BeginOutputReadLine();
        probe.process.BeginErrorReadLine();
        await probe.WaitForAsync(j => j.GetProperty("kind").GetString() == "ready", TimeSpan.FromSeconds(30));
        return probe;
    }

    public IReadOnlyList<JsonElement> Seen { get { lock (seen) return seen.ToList(); } }

    /// <summary>Waits for the first message (already seen or still to come) that matches.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        lock (seen)
        {
            foreach (var j in seen) if (match(j)) return j;
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var j = await lines.Reader.ReadAsync(cts.Token);
                if (match(j)) return j;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The hub client did not receive the expected message. Seen:\n" + string.Join('\n', Seen.Select(s => s.ToString())));
        }
    }

    /// <summary>Waits for a hub event by name whose first argument matches.</summary>
    public Task<JsonElement> WaitForEventAsync(string name, Func<JsonElement, bool> match, TimeSpan timeout) =>
        WaitForAsync(j => j.GetProperty("kind").GetString() == "event" && j.GetProperty("name").GetString() == name &&
                          match(j.GetProperty("args")[0]), timeout);

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
