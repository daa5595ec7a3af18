using System.Text.Json;
using Queue.Simulator;

namespace Queue.Tests.Prediction;

/// <summary>The simulator (design.md §5) run in-process: its contract and its determinism.</summary>
public sealed class SimulatorTests
{
    private static string ScenarioPath(string name) =>
        Path.Combine(FindRoot(), "loadtests", "scenarios", name);

    [Fact]
    public void SameScenarioAndSeedGiveTheSameReport()
    {
        var scenario = Scenario.Load(ScenarioPath("town-hall-morning.json"));
        var options = new SimulationOptions("", Days: 2);
        Assert.Equal(SimulatorCli.ToJson(SimulatorCli.Run(scenario, options)), SimulatorCli.ToJson(SimulatorCli.Run(scenario, options)));
    }

    [Fact]
    public void ReportCarriesTheContractFields()
    {
        var scenario = Scenario.Load(ScenarioPath("six-themes-chain.json"));
        var report = SimulatorCli.Run(scenario, SimulationOptions.Parse(["--scenario", "x", "--windows", "dedicated", "--policy", "oldest-first", "--days", "1"]));
        using var json = JsonDocument.Parse(SimulatorCli.ToJson(report));
        var root = json.RootElement;
        foreach (var field in new[] { "scenario", "windows", "policy", "days", "arrived", "served", "meanWaitMinutes", "p50WaitMinutes", "p90WaitMinutes", "maxWaitMinutes", "utilization" })
            Assert.True(root.TryGetProperty(field, out _), field);
        foreach (var field in new[] { "meanAbsErrorMinutes", "relativeRmse", "within5MinutesShare" })
            Assert.True(root.GetProperty("eta").TryGetProperty(field, out _), field);
        Assert.Equal("dedicated", root.GetProperty("windows").GetString());
        Assert.Equal("oldest-first", root.GetProperty("policy").GetString());
        Assert.Equal(report.Arrived, report.Served);
        Assert.InRange(report.Utilization, 0.3, 1);
    }

    [Fact]
    public void SameCitizensArriveWhateverTheWindowsAndPolicy()
    {
        var scenario = Scenario.Load(ScenarioPath("six-themes-chain.json"));
        var a = SimulatorCli.Run(scenario, new SimulationOptions("", WindowMode.Pooled, PolicyKind.Engine, 2));
        var b = SimulatorCli.Run(scenario, new SimulationOptions("", WindowMode.Dedicated, PolicyKind.OldestFirst, 2));
        Assert.Equal(a.Arrived, b.Arrived);
        Assert.True(a.MeanWaitMinutes < b.MeanWaitMinutes, "pooling windows shortens waits");
    }

    [Fact]
    public void ErlangCMatchesTheTextbookValue()
    {
        // M/M/2 with a = 1 erlang: P(wait) = 1/3, mean wait = P(wait) × 1/(cμ − λ) = 1/3 × 10 min.
        Assert.Equal(10.0 / 3, ErlangC.MeanWaitMinutes(6, 10, 2), 6);
    }

    [Fact]
    public void BadOptionsAreRefusedWithAClearMessage()
    {
        Assert.Throws<ArgumentException>(() => SimulationOptions.Parse(["--scenario", "x", "--windows", "mixed"]));
        Assert.Throws<ArgumentException>(() => SimulationOptions.Parse(["--days", "3"]));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "QueueHall.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("QueueHall.sln not found above the test binaries.");
    }
}
