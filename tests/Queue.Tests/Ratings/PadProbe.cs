using System.Diagnostics;
using System.Text.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>The real SignalR JavaScript client (tests/hub-client/pad-probe.mjs) joined as a wall display or as a pad.</summary>
public sealed class PadProbe : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<JsonElement> seen = [];

    private PadProbe(Process process) => this.process = process;

    public static async Task<PadProbe> StartAsync(Uri server, string action)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(TestEnvironment.RepoRoot, "tests", "hub-client"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("pad-probe.mjs");
        info.ArgumentList.Add(server.ToString().TrimEnd('/'));
        info.ArgumentList.Add(action);
        var probe = new PadProbe(Process.Start(info) ?? throw new InvalidOperationException("node did not start"));
        probe.process.OutputDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data)) return;
            lock (probe.seen) probe.seen.Add(JsonDocument.Parse(e.Data).RootElement.Clone());
        };
        probe.process.BeginOutputReadLine();
        probe.process.BeginErrorReadLine();
        await probe.WaitForAsync(j => j.GetProperty("kind").GetString() == "ready", TimeSpan.FromSeconds(30));
        return probe;
    }

    public bool Joined => Seen.Any(j => j.GetProperty("kind").GetString() == "invoke" && j.GetProperty("ok").GetBoolean());

    public IReadOnlyList<JsonElement> Events(string name) =>
        Seen.Where(j => j.GetProperty("kind").GetString() == "event" && j.GetProperty("name").GetString() == name).Select(j => j.GetProperty("args")[0]).ToList();

    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var hit = Seen.FirstOrDefault(match);
            if (hit.ValueKind != JsonValueKind.Undefined) return hit;
            await Task.Delay(50);
        }
        throw new TimeoutException("The pad probe did not receive the expected message. Seen:\n" + string.Join('\n', Seen));
    }

    private IReadOnlyList<JsonElement> Seen { get { lock (seen) return seen.ToList(); } }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
