using System.Globalization;
using System.Text;

namespace Queue.LoadTests;

/// <summary>The human-readable table printed beside the JSON.</summary>
public static class OperationTable
{
    public static string Render(IReadOnlyDictionary<string, OperationSummary> ops)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,9} {2,7} {3,9} {4,9} {5,9} {6,9} {7,9}", "operation", "ok", "errors", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        foreach (var (name, s) in ops)
            sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,9} {2,7} {3,9:0.0} {4,9:0.00} {5,9:0.00} {6,9:0.00} {7,9:0.00}",
                name, s.Ok, s.Errors, s.PerSecond, s.P50Ms, s.P95Ms, s.P99Ms, s.MaxMs));
        return sb.ToString();
    }
}
