using Microsoft.Extensions.Localization;
using System.Globalization;
using Queue.Display.Shared;
using Queue.Silo.Reports;

namespace Queue.Web.Reports;

/// <summary>The report page's words and number formats, Chinese first (the same <see cref="L.T"/> as every page).</summary>
public static class ReportText
{
    public static string Of(IStringLocalizer<Texts> T, ReportGrouping g) => g switch
    {
        ReportGrouping.Day => T["按日"],
        ReportGrouping.Hour => T["按时段"],
        ReportGrouping.Service => T["按事项"],
        ReportGrouping.Category => T["按主题"],
        ReportGrouping.Window => T["按窗口"],
        ReportGrouping.Staff => T["按工作人员"],
        _ => T["按取号渠道"],
    };

    public static string Channel(IStringLocalizer<Texts> T, string key) => key switch
    {
        "kiosk" => T["取号机|Kiosk"],
        "mobile" => T["手机取号|Phone"],
        _ => T["预约签到|Booking"],
    };

    public static string Weekday(IStringLocalizer<Texts> T, int monday0) => monday0 switch
    {
        0 => T["周一"],
        1 => T["周二"],
        2 => T["周三"],
        3 => T["周四"],
        4 => T["周五"],
        5 => T["周六"],
        _ => T["周日"],
    };

    public static string Hour(int hour) => hour.ToString("00", CultureInfo.InvariantCulture) + ":00";

    /// <summary>A row's name as a reader knows it: channels and hours worded, the rest as stored.</summary>
    public static string RowName(IStringLocalizer<Texts> T, ReportGrouping g, ReportRow r) => g switch
    {
        ReportGrouping.Channel => Channel(T, r.Key),
        ReportGrouping.Hour => Hour(int.Parse(r.Key, CultureInfo.InvariantCulture)),
        _ => r.Name,
    };

    public static string Minutes(IStringLocalizer<Texts> T, double? m) => m is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + T[" 分钟"] : "—";

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
