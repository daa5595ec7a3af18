using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Queue.LoadTests;

/// <summary>
/// Queue.Web as a real operating-system process on a loopback port, with rate limits raised for load
/// (through environment variables only). What the crash checker kills with SIGKILL and restarts.
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    private readonly string dll;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly List<string> output = [];
    private Process? process;
    private Process? killing;

    public ServerNode(string dll, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        if (!File.Exists(dll)) throw new ArgumentException($"{dll} not found: build it first (dotnet build src/Queue.Web -c Release) or pass --server-dll.");
        this.dll = dll;
        this.settings = settings;
        Port = port ?? FreePort();
    }

    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");
    public int? Pid => process is { HasExited: false } p ? p.Id : null;

    /// <summary>The process ended without our kill: its cluster declared it dead (Orleans stops such a silo), or it crashed.</summary>
    public bool DiedByItself => process is { HasExited: true } p && !ReferenceEquals(killing, p);
    public IReadOnlyList<string> Output { get { lock (output) return output.ToList(); } }

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["RateLimits__TicketsPerMinute"] = "100000000";
        info.Environment["RateLimits__LoginsPerMinute"] = "100000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in settings) info.Environment[k.Replace(":", "__")] = v;
        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Queue.Web.");
        var started = process;
        started.EnableRaisingEvents = true;
        // A node that dies without our kill (declared dead by its cluster, out of memory) says so in its log.
        started.Exited += (_, _) => 
        {
            if (ReferenceEquals(killing, started)) return;
            try { Keep($"[{DateTime.UtcNow:HH:mm:ss.fff}] process exited by itself, code {started.ExitCode}"); }
            catch (InvalidOperationException) { }
        };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.Add(line);
            if (output.Count > 2000) output.RemoveRange(0, 1000);
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (process!.HasExited) throw new InvalidOperationException("Queue.Web exited:\n" + string.Join('\n', Output.TakeLast(40)));
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health"))).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("Queue.Web did not become healthy:\n" + string.Join('\n', Output.TakeLast(40)));
    }

    /// <summary>SIGKILL: no shutdown code runs, like a power cut to the process.</summary>
    public void Kill9()
    {
        if (process is null) return;
        killing = process;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
        process.Dispose();
        process = null;
    }

    /// <summary>CPU seconds (user + system) the process has used so far, from /proc.</summary>
    public double CpuSeconds()
    {
        if (Pid is not { } pid) return 0;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    }

    public static int FreePort() => Queue.Silo.Hosting.FreePorts.Next();

    public ValueTask DisposeAsync()
    {
        Kill9();
        ServerLog.Save(Port, Output);
        return ValueTask.CompletedTask;
    }
}
