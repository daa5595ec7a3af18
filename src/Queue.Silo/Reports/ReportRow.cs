namespace Queue.Silo.Reports;

/// <summary>
/// One row of a queue report (design.md §4). Waits run from issue — or check-in, for a phone ticket — to the
/// first call; only called tickets have one. Handling runs from start to completion of served tickets. A
/// figure with nothing to measure is null, never 0. <see cref="Transferred"/>: tickets staff sent to another service at least
/// once (转移), counted under the service they ended with.
/// </summary>
public sealed record ReportRow(
    string Key,
    string Name,
    int Issued,
    int Served,
    int NoShow,
    int Cancelled,
    double? MeanWaitMinutes,
    double? P90WaitMinutes,
    double? MeanHandlingMinutes,
    double? Within15MinutesShare,
    double? P50WaitMinutes,
    int Waited,
    int Kiosk,
    int Mobile,
    int Booking,
    int Done,
    int Promised,
    int SupplementRequired,
    int Rejected,
    double? NormMinutes,
    int Transferred);
