namespace Queue.Silo.Reports;

/// <summary>
/// One weekday hour of one category in the staffing plan: the mean arrivals of that hour on the open days of the
/// period, the windows Erlang C says keep the mean wait within the hall's target, the windows that were seen
/// calling then (a mean over those days), and the mean wait Erlang C predicts for each.
/// </summary>
public sealed record StaffingCell(
    int Weekday,
    int Hour,
    string Category,
    double ArrivalsPerHour,
    double MeanHandlingMinutes,
    int WindowsNeeded,
    double? PredictedWaitWithNeeded,
    double WindowsOpen,
    double? PredictedWaitWithOpen);
