using System.Text.Json.Serialization;

namespace Queue.Simulator;

/// <summary>The simulator's one JSON object (design.md §5).</summary>
public sealed record SimulationReport(
    string Scenario,
    string Windows,
    string Policy,
    int Days,
    int Arrived,
    int Served,
    double MeanWaitMinutes,
    double P50WaitMinutes,
    double P90WaitMinutes,
    double MaxWaitMinutes,
    double Utilization,
    EtaReport Eta,
    string Predictor)
{
    /// <summary>For an M/M/c scenario run pooled: the theoretical mean wait to compare <see cref="MeanWaitMinutes"/> with.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ErlangCMeanWaitMinutes { get; init; }
}

/// <summary>
/// Estimate shown at issue time against the wait that followed: mean absolute error, √mean(error²) ÷ mean
/// wait, and the share of tickets whose estimate was within five minutes.
/// </summary>
public sealed record EtaReport(double MeanAbsErrorMinutes, double RelativeRmse, double Within5MinutesShare);
