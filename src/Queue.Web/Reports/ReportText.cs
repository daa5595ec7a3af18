using System.Globalization;
using Queue.Display.Shared;
using Queue.Silo.Reports;

namespace Queue.Web.Reports;

/// <summary>The report page's words and number formats, Chinese first (the same <see cref="L.T"/> as every page).</summary>
public static class ReportText
{
    public static string Of(ReportGrouping g) => g switch
    {
        ReportGrouping.Day => L.T("按日", "By day"),
        ReportGrouping.Hour => L.T("按时段", "By hour"),
        ReportGrouping.Service => L.T("按事项", "By matter"),
        ReportGrouping.Category => L.T("按主题", "By category"),
        ReportGrouping.Window => L.T("按窗口", "By window"),
        ReportGrouping.Staff => L.T("按工作人员", "By staff"),
        _ => L.T("按取号渠道", "By channel"),
    };

    public static string Channel(string key) => key switch
    {
        "kiosk" => L.T("取号机", "Kiosk"),
        "mobile" => L.T("手机取号", "Phone"),
        _ => L.T("预约签到", "Booking"),
    };

    public static string Weekday(int monday0) => monday0 switch
    {
        0 => L.T("周一", "Mon"),
        1 => L.T("周二", "Tue"),
        2 => L.T("周三", "Wed"),
        3 => L.T("周四", "Thu"),
        4 => L.T("周五", "Fri"),
        5 => L.T("周六", "Sat"),
        _ => L.T("周日", "Sun"),
    };

    public static string Hour(int hour) => hour.ToString("00", CultureInfo.InvariantCulture) + ":00";

    /// <summary>A row's name as a reader knows it: channels and hours worded, the rest as stored.</summary>
    public static string RowName(ReportGrouping g, ReportRow r) => g switch
    {
        ReportGrouping.Channel => Channel(r.Key),
        ReportGrouping.Hour => Hour(int.Parse(r.Key, CultureInfo.InvariantCulture)),
        _ => r.Name,
    };

    public static string Minutes(double? m) => m is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + L.T(" 分钟", " min") : "—";

    public static string Share(double? s) => s is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The change from the previous period, e.g. "▲ 12.5%"; nothing when either side is missing.</summary>
    public static string Change(double? now, double? before)
    {
        if (now is not { } a || before is not { } b || b == 0) return "";
        var pct = (a - b) / b * 100;
        return (pct >= 0 ? "▲ " : "▼ ") + Math.Abs(pct).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    }
}
