namespace Queue.Silo.Reports;

/// <summary>
/// Everything the report page shows of one hall and period, computed in one pass over its tickets.
/// <see cref="ArrivalsByWeekdayHour"/> is [weekday, hour], Monday first, in the hall's local time.
/// </summary>
public sealed record QueueReport(
    string HallId,
    DateOnly From,
    DateOnly To,
    int TargetWaitMinutes,
    ReportRow Total,
    IReadOnlyDictionary<ReportGrouping, IReadOnlyList<ReportRow>> Rows,
    int[,] ArrivalsByWeekdayHour,
    int[] OpenDaysByWeekday,
    IReadOnlyList<WaitBucket> WaitDistribution,
    IReadOnlyList<StaffingCell> Staffing)
{
    /// <summary>No ticket in the period: the page says so instead of showing zeros.</summary>
    public bool IsEmpty => Total.Issued == 0;

    public IReadOnlyList<ReportRow> By(ReportGrouping grouping) => Rows.TryGetValue(grouping, out var rows) ? rows : [];
}
