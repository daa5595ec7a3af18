namespace Queue.Silo.Reports;

/// <summary>
/// A report's business days, both ends included: a day, a week (Monday to Sunday), a calendar month, or custom
/// days. <see cref="Previous"/> is the period it is compared with: the day, week or month before, or as many days
/// just before a custom period.
/// </summary>
public sealed record ReportPeriod(string Kind, DateOnly From, DateOnly To)
{
    public const int MaxDays = 400;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static ReportPeriod Of(string? kind, DateOnly date, DateOnly? to = null) => kind switch
    {
        "week" => new("week", date.AddDays(-QueueReports.Weekday(date)), date.AddDays(6 - QueueReports.Weekday(date))),
        "month" => new("month", new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
        "custom" when to is { } end && end >= date => new("custom", date, end),
        _ => new("day", date, date),
    };

    public ReportPeriod Previous() => Kind switch
    {
        "week" => new(Kind, From.AddDays(-7), To.AddDays(-7)),
        "month" => new(Kind, From.AddMonths(-1), From.AddDays(-1)),
        _ => new(Kind, From.AddDays(-Days), From.AddDays(-1)),
    };
}
