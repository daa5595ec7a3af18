namespace Queue.Silo.Reports;

/// <summary>
/// Nearest-rank percentiles: the p-th percentile is the smallest value that at least p % of the values do not
/// exceed, so it is always a wait someone actually had (p90 of ten waits is the ninth smallest).
/// </summary>
public static class Percentile
{
    /// <summary><paramref name="sorted"/> ascending; null when empty.</summary>
    public static T? Of<T>(IReadOnlyList<T> sorted, double p) where T : struct
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
