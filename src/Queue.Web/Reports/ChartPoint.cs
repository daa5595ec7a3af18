namespace Queue.Web.Reports;

/// <summary>One category and value of a chart series (charts bind to property names).</summary>
public sealed record ChartPoint(string Label, double Value);
