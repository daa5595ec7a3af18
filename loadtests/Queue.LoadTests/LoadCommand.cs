using System.Text.Json;
using System.Text.Json.Serialization;

namespace Queue.LoadTests;

/// <summary>
/// <c>load</c>: a compressed hall day at a target ticket rate for a duration, with hub clients open;
/// prints per-operation throughput and latency, and the call-next → TicketCalled push latency.
/// </summary>
public static class LoadCommand
{
    public static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static async Task<int> RunAsync(CommandOptions o)
    {
        var (nodes, db, address) = await SetUp.ServerAsync(o);
        try
        {
            var result = await RunAgainstAsync(address, o, nodes);
            Console.Error.WriteLine(OperationTable.Render(result.Operations));
            Console.Error.WriteLine(OperationTable.Render(new Dictionary<string, OperationSummary>
            {
                ["push → display"] = result.Push.Display,
                ["push → display (req)"] = result.Push.DisplayFromRequest,
                ["push → phone"] = result.Push.Phone,
            }));
            Console.Error.WriteLine($"hub clients {result.HubOpen}/{result.HubClients}, missed display pushes {result.Push.DisplayMissed}, missed phone pushes {result.Push.PhoneMissed}, server CPU {result.ServerCpuPercent}%");
            if (o.Flag("profile"))
                foreach (var line in nodes.SelectMany(n => n.Output).Where(l => l.Contains("batches,", StringComparison.Ordinal))) Console.Error.WriteLine(line.Trim());
            var json = JsonSerializer.Serialize(result, Output);
            Console.WriteLine(json);
            if (o.String("out") is { } file) await File.WriteAllTextAsync(file, json);
            return 0;
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
            if (db is not null) await db.DisposeAsync();
        }
    }

    /// <summary>Runs the load against <paramref name="address"/>; with several nodes, requests and hub clients go to each in turn.</summary>
    public static async Task<LoadResult> RunAgainstAsync(Uri address, CommandOptions o, IReadOnlyList<ServerNode> nodes)
    {
        var spread = nodes.Select(n => n.Address).ToList();
        using var api = new QueueApi(address, spread: spread);
        var (halls, tokens) = await SetUp.PrepareAsync(api);
        var displays = o.String("displays", "jc-civic:20,jc-donghu:5,jc-qingshan:5");
        var phones = o.Int("phones", 0);
        var perHall = displays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(':'))
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Sum(p => int.Parse(p[1])));
        await using var swarm = perHall.Values.Sum() + phones > 0 ? await HubSwarm.StartAsync(spread.Count > 1 ? spread : [address], displays, phones, o.Int("ramp", 500)) : null;
        var options = new HallDayOptions
        {
            TicketsPerSecond = o.Double("rate", 200),
            WindowCallsPerMinute = o.Double("window-pace", 60),
            WatchShare = o.Double("watch-share", phones > 0 ? 1 : 0),
            Ratings = !o.Flag("no-ratings"),
        };
        var warmup = o.Double("warmup", 3);
        if (warmup > 0) await new HallDay(api, halls, tokens, options, null, new Ledger()).RunAsync(TimeSpan.FromSeconds(warmup), CancellationToken.None);

        var ledger = new Ledger();
        var day = new HallDay(api, halls, tokens, options, swarm, ledger);
        var seconds = o.Double("duration", 30);
        var cpu0 = nodes.Sum(n => n.CpuSeconds());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await day.RunAsync(TimeSpan.FromSeconds(seconds), CancellationToken.None);
        var elapsed = clock.Elapsed.TotalSeconds;
        // All nodes together, in percent of one core.
        var cpu = nodes.Count == 0 ? 0 : Math.Round((nodes.Sum(n => n.CpuSeconds()) - cpu0) / elapsed * 100, 0);
        // Pushes still on the wire arrive within a moment of the last answer.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var push = swarm is null
            ? new PushSummary(0, new OperationStats().Summarise(0), new OperationStats().Summarise(0), new OperationStats().Summarise(0), 0, 0)
            : PushLatency.Measure(ledger.Calls, await swarm.ReportAsync(), perHall, ledger.Watched.Keys.ToHashSet());
        var ops = day.Stats.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key, kv => kv.Value.Summarise(seconds));
        var issued = ops.Where(kv => kv.Key.StartsWith("issue", StringComparison.Ordinal)).Sum(kv => kv.Value.Ok);
        return new LoadResult(address.ToString(), options.TicketsPerSecond, seconds, Math.Round(issued / seconds, 1), ops, push,
            swarm?.Total ?? 0, swarm?.Open ?? 0, day.RatingsAvailable, cpu, day.MaxInFlight, File.ReadAllText("/proc/loadavg").Trim());
    }
}

public sealed record LoadResult(string Server, double TargetTicketsPerSecond, double DurationSeconds, double IssuedPerSecond,
    Dictionary<string, OperationSummary> Operations, PushSummary Push, int HubClients, int HubOpen, bool RatingsAvailable,
    double ServerCpuPercent, long MaxInFlight, string LoadAverageAfter);
