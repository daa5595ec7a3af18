using System.Text.Json.Serialization;

namespace Queue.LoadTests;

/// <summary>Every latency sample of one kind of operation, plus its failures by cause.</summary>
public sealed class OperationStats
{
    private readonly List<double> samples = [];
    private readonly Dictionary<string, int> errors = [];

    public void Ok(double ms)
    {
        lock (samples) samples.Add(ms);
    }

    public void Error(string cause)
    {
        lock (samples) errors[cause] = errors.GetValueOrDefault(cause) + 1;
    }

    public OperationSummary Summarise(double seconds)
    {
        lock (samples)
        {
            var sorted = samples.ToArray();
            Array.Sort(sorted);
            return new OperationSummary(sorted.Length, errors.Values.Sum(), seconds > 0 ? Math.Round(sorted.Length / seconds, 1) : 0,
                Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 2),
                new Dictionary<string, int>(errors));
        }
    }

    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 2);
    }
}

/// <summary>One operation's figures: count of successes, errors, rate, and latency percentiles in milliseconds.</summary>
public sealed record OperationSummary(int Ok, int Errors, double PerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    [property: JsonPropertyOrder(10)] Dictionary<string, int> ErrorsByCause);
