using System.Globalization;
using Queue.Silo.Reports;

namespace Queue.Web.Reports;

/// <summary>A report row as export text: the contract's fields in order, then the additions; empty where nothing was measured.</summary>
public static class ReportExportRow
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "分组 key", "名称 name", "取号 issued", "办结 served", "过号 noShow", "取消 cancelled", "平均等候(分) meanWaitMinutes",
        "P90等候(分) p90WaitMinutes", "平均办理(分) meanHandlingMinutes", "15分钟内占比 within15MinutesShare", "P50等候(分) p50WaitMinutes",
        "已叫号 waited", "取号机 kiosk", "手机 mobile", "预约 booking", "即办 done", "承诺件 promised", "补办 supplementRequired", "退回 rejected",
        "时限(分) normMinutes", "转移 transferred",
    ];

    public static IReadOnlyList<string> Fields(ReportRow r) =>
    [
        r.Key, r.Name, N(r.Issued), N(r.Served), N(r.NoShow), N(r.Cancelled), D(r.MeanWaitMinutes), D(r.P90WaitMinutes),
        D(r.MeanHandlingMinutes), D(r.Within15MinutesShare), D(r.P50WaitMinutes), N(r.Waited), N(r.Kiosk), N(r.Mobile), N(r.Booking),
        N(r.Done), N(r.Promised), N(r.SupplementRequired), N(r.Rejected), D(r.NormMinutes), N(r.Transferred),
    ];

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string D(double? v) => v?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
