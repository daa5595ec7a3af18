using System.Text.Json;

namespace Queue.LoadTests;

/// <summary><c>crash --storage sqlite|postgres [--kills 20] [--rate 100] [--phones 50] [--nodes 3 [--redis HOST:PORT]]</c>: the crash checker.</summary>
public static class CrashCommand
{
    public static async Task<int> RunAsync(CommandOptions o)
    {
        var report = await CrashCheck.RunAsync(new CrashOptions(o.String("storage", "sqlite"), o.String("pg"), RepoPaths.ServerDll(o),
            o.Int("kills", 20), o.Double("rate", 100), o.Double("window-pace", 120), o.String("displays", "jc-civic:10,jc-donghu:3,jc-qingshan:2"),
            o.Int("phones", 50), o.Double("min-up", 1), o.Double("max-up", 4), o.Int("seed", 7), o.Int("nodes", 1), o.String("redis")), line => Console.Error.WriteLine(line));
        Console.Error.WriteLine($"{report.Storage}: {report.Kills} kills; acknowledged {report.TicketsAcknowledged} tickets, {report.CallsAcknowledged} calls, " +
            $"{report.CompletionsAcknowledged} completions, {report.RatingsAcknowledged} ratings; {report.Failures.Count} failures");
        if (report.AnsweredAgainP95Ms is { } p95) Console.Error.WriteLine($"halls answered again after a kill: p95 {p95:0} ms, max {report.AnsweredAgainMs.Max():0} ms");
        if (report.Nodes > 1) Console.Error.WriteLine($"nodes declared dead by their cluster without a kill (restarted): {report.DiedByThemselves.Count}");
        foreach (var f in report.Failures.Take(50)) Console.Error.WriteLine("FAIL " + f);
        Console.WriteLine(JsonSerializer.Serialize(report, LoadCommand.Output));
        return report.Passed ? 0 : 1;
    }
}
