using System.Text.Json;

namespace Queue.LoadTests;

/// <summary><c>fuzz [--storage sqlite|postgres] [--requests 10000] [--hub 2000]</c>: the hostile-input fuzzer on a fresh server.</summary>
public static class FuzzCommand
{
    public static async Task<int> RunAsync(CommandOptions o)
    {
        await using var db = await TargetDatabase.CreateAsync(o.String("storage", "sqlite"), o.String("pg"));
        await using var server = new ServerNode(RepoPaths.ServerDll(o), db.Settings());
        await server.StartAsync();
        var report = await Fuzzer.RunAsync(server.Address, db, o.Int("requests", 10_000), o.Int("hub", 2_000), o.Int("seed", 7), l => Console.Error.WriteLine(l));
        Console.Error.WriteLine($"{report.Requests} requests + {report.HubInvocations} hub invocations over {report.Operations} operations in {report.Seconds} s; " +
            $"statuses {string.Join(", ", report.Statuses.Select(kv => $"{kv.Key}×{kv.Value}"))}; {report.ContractFailures} answers not as documented; {report.Failures.Count} failures");
        foreach (var f in report.Failures) Console.Error.WriteLine("FAIL " + f);
        Console.WriteLine(JsonSerializer.Serialize(report, LoadCommand.Output));
        return report.Passed ? 0 : 1;
    }
}
