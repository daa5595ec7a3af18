using System.Globalization;
using Queue.Display.Shared;
using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>The words of 好差评 in the visitor's language, and how rates are printed.</summary>
public static class RatingText
{
    public static string Of(RatingLevel level) => L.T(level.Chinese(), level.English());

    public static string Of(RatingChannel channel) => L.T(channel.Chinese(), channel.English());

    public static string Of(BadReviewState state) => state switch
    {
        BadReviewState.Opened => L.T("待核实", "To verify"),
        BadReviewState.Verified => L.T("待整改", "To rectify"),
        BadReviewState.Rectified => L.T("待回访", "To reply"),
        BadReviewState.Replied => L.T("待办结", "To close"),
        BadReviewState.Closed => L.T("已办结", "Closed"),
        BadReviewState.Appealed => L.T("申诉复核中", "Appeal under re-check"),
        _ => L.T("已排除", "Excluded"),
    };

    public static string Of(CaseAction action) => action switch
    {
        CaseAction.Open => L.T("立案", "Opened"),
        CaseAction.Verify => L.T("核实", "Verified"),
        CaseAction.Rectify => L.T("整改", "Rectified"),
        CaseAction.Reply => L.T("回复回访", "Replied / called back"),
        CaseAction.Close => L.T("办结", "Closed"),
        CaseAction.Appeal => L.T("申诉", "Appealed"),
        CaseAction.Uphold => L.T("复核维持", "Re-check: upheld"),
        CaseAction.Exclude => L.T("复核排除", "Re-check: excluded"),
        CaseAction.Remind => L.T("到期提醒", "Reminder"),
        CaseAction.EscalateYellow => L.T("黄牌督办", "Escalated yellow"),
        _ => L.T("红牌督办", "Escalated red"),
    };

    public static string Of(BadReviewEscalation e) => e switch
    {
        BadReviewEscalation.Yellow => L.T("黄牌", "Yellow"),
        BadReviewEscalation.Red => L.T("红牌", "Red"),
        _ => "",
    };

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(double? value, string format = "0.00") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";
}
