namespace Queue.Simulator;

/// <summary>
/// The M/M/c queue's mean wait (Erlang C), printed beside a simulated pooled hall whose services are all
/// exponential with one mean and steady Poisson arrivals — the one case queueing theory answers exactly.
/// </summary>
public static class ErlangC
{
    // One formula for the simulator and the reports' staffing plan.
    public static double MeanWaitMinutes(double arrivalsPerHour, double meanServiceMinutes, int windows) =>
        Queue.Silo.Reports.ErlangC.MeanWaitMinutes(arrivalsPerHour, meanServiceMinutes, windows);

    /// <summary>The Erlang C value for a scenario run pooled, or null when the scenario is not an M/M/c queue.</summary>
    public static double? For(Scenario scenario, WindowMode windows)
    {
        if (windows != WindowMode.Pooled && scenario.Windows.Any(w => w.Services.Count != scenario.Services.Count)) return null;
        if (scenario.Services.Any(s => s.ServiceTime != ServiceTimeShape.Exponential)) return null;
        var means = scenario.Services.Select(s => s.MeanServiceMinutes).Distinct().ToList();
        if (means.Count != 1) return null;
        if (scenario.Arrivals.Any(a => a.PerHour.ValueKind != System.Text.Json.JsonValueKind.Number)) return null;
        return MeanWaitMinutes(scenario.Arrivals.Sum(a => a.RateAt(0)), means[0], scenario.Windows.Count);
    }
}
