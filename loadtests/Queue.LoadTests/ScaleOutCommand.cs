using System.Text.Json;

namespace Queue.LoadTests;

/// <summary><c>scale-out [--pg CS] [--redis HOST:PORT]</c>: three silos, PostgreSQL, Redis, nginx; see <see cref="ScaleOutCheck"/>.</summary>
public static class ScaleOutCommand
{
    public static async Task<int> RunAsync(CommandOptions o)
    {
        var report = await ScaleOutCheck.RunAsync(RepoPaths.ServerDll(o), o.String("pg"), o.String("redis"), line => Console.Error.WriteLine(line));
        foreach (var f in report.Failures) Console.Error.WriteLine("FAIL " + f);
        Console.WriteLine(JsonSerializer.Serialize(report, LoadCommand.Output));
        return report.Passed ? 0 : 1;
    }
}
