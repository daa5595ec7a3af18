namespace Queue.Tests.Reports;

public sealed record ReportRowDto(string Key, string Name, int Issued, int Served, int NoShow, int Cancelled, double? MeanWaitMinutes,
    double? P90WaitMinutes, double? MeanHandlingMinutes, double? Within15MinutesShare, double? P50WaitMinutes, int Waited, int Kiosk, int Mobile,
    int Booking, int Done, int Promised, int SupplementRequired, int Rejected, double? NormMinutes, int Transferred);
