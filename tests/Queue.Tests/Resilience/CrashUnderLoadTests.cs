using Queue.LoadTests;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Resilience;

/// <summary>
/// The crash checker in short form: the server as a real process under load (tickets, calls, completions,
/// hub displays and phones) is killed with SIGKILL three times; everything acknowledged must survive
/// exactly once and every hub client must resynchronise. The full run (20 kills) is scripts/loadtool.sh crash.
/// </summary>
// Real server processes under load: run one at a time so each stays short and measures its own server.
[Collection("Resilience")]
public sealed class CrashUnderLoadTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Acknowledged_tickets_calls_and_completions_survive_kill_9_under_load(string storage)
    {
        if (storage == "postgres") Environment.SetEnvironmentVariable("QUEUEHALL_PG", TestEnvironment.PostgresServer);
        var report = await CrashCheck.RunAsync(new CrashOptions(storage, null, Path.Combine(AppContext.BaseDirectory, "Queue.Web.dll"),
            Kills: 3, Rate: 40, WindowPace: 120, Displays: "jc-civic:4,jc-donghu:2", Phones: 10, MinUpSeconds: 0.7, MaxUpSeconds: 1.5), _ => { });
        Assert.True(report.Passed, string.Join('\n', report.Failures.Take(20)));
        Assert.True(report.TicketsAcknowledged > 50, $"only {report.TicketsAcknowledged} tickets were acknowledged: the load did not run");
        Assert.True(report.CallsAcknowledged > 10, $"only {report.CallsAcknowledged} calls were acknowledged");
        Assert.Equal(3, report.Restarts.Count);
    }

    /// <summary>
    /// Three silos of one cluster behind nginx on PostgreSQL, the load spread over them; twenty times a random node
    /// is killed with SIGKILL and restarted. Nothing acknowledged is lost, and the halls of the dead node answer again
    /// on another silo within seconds. Issue 14's target is p95 ≤ 5 s (docs/benchmarks.md has the measured runs); the
    /// suite holds 10 s, because on a shared 2-core machine a starved silo rightly delays declaring another dead.
    /// </summary>
    [Fact]
    public async Task A_three_node_cluster_loses_nothing_acknowledged_over_twenty_kills_and_answers_again_within_seconds()
    {
        Environment.SetEnvironmentVariable("QUEUEHALL_PG", TestEnvironment.PostgresServer);
        var report = await CrashCheck.RunAsync(new CrashOptions("postgres", null, Path.Combine(AppContext.BaseDirectory, "Queue.Web.dll"),
            Kills: 20, Rate: 10, WindowPace: 120, Displays: "jc-civic:4,jc-donghu:2", Phones: 10, MinUpSeconds: 0.5, MaxUpSeconds: 1.0,
            Nodes: 3, Redis: TestEnvironment.RedisServer), output.WriteLine);
        Assert.True(report.Passed, string.Join('\n', report.Failures.Take(20)));
        Assert.True(report.TicketsAcknowledged > 100, $"only {report.TicketsAcknowledged} tickets were acknowledged: the load did not run");
        Assert.Equal(20, report.AnsweredAgainMs.Count);
        output.WriteLine($"nodes declared dead by their cluster without a kill (restarted): {report.DiedByThemselves.Count}");
        output.WriteLine($"halls answered again after {string.Join(", ", report.AnsweredAgainMs.Select(m => $"{m:0}"))} ms; p95 {report.AnsweredAgainP95Ms:0} ms");
        Assert.True(report.AnsweredAgainP95Ms <= 10_000, $"halls answered again after {string.Join(", ", report.AnsweredAgainMs.Select(m => $"{m:0}"))} ms");
    }
}
