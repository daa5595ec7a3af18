using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Queue.Tests.Infrastructure;

/// <summary>
/// Queue.Web as a separate operating-system process on a loopback port: what crash tests kill with
/// SIGKILL and what two-node tests run twice. Uses the build output next to the tests.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }
    public IReadOnlyList<string> Output { get { lock (output) return output.ToList(); } }
    public bool HasExited => process.HasExited;

    public static async Task<ServerProcess> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, int? port = null)
    {
        var chosen = port ?? FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Queue.Web.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{chosen}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["RateLimits__TicketsPerMinute"] = "1000000";
        info.Environment["RateLimits__LoginsPerMinute"] = "1000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in settings) info.Environment[k.Replace(":", "__")] = v;
        var p = Process.Start(info) ?? throw new InvalidOperationException("Could not start Queue.Web.");
        var server = new ServerProcess(p, new Uri($"http://127.0.0.1:{chosen}"));
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (server.output) server.output.Add(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server.output) server.output.Add(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>
    /// Until this node reads <paramref name="hallId"/>'s board through the hall's grain: a node that has just joined a
    /// cluster answers 503 for a moment while the cluster takes it in (decision 0084).
    /// </summary>
    public async Task WaitServingAsync(string hallId = Demo.City)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                if ((await http.GetAsync($"/api/halls/{hallId}/board")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > until) throw new TimeoutException($"node {Address} did not serve hall {hallId} within 30 s");
            await Task.Delay(200);
        }
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException("Queue.Web exited:\n" + string.Join('\n', Output));
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health"))).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("Queue.Web did not become healthy:\n" + string.Join('\n', Output));
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut to the process.</summary>
    public void Kill9()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public static int FreePort() => Queue.Silo.Hosting.FreePorts.Next();

    public ValueTask DisposeAsync()
    {
        Kill9();
        Queue.LoadTests.ServerLog.Save(Address.Port, Output);
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
