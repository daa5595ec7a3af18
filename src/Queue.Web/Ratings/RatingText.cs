using Microsoft.Extensions.Localization;
using System.Globalization;
using Queue.Display.Shared;
using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>The words of 好差评 in the visitor's language, and how rates are printed.</summary>
public static class RatingText
{
    public static string Of(IStringLocalizer<Texts> T, RatingLevel level) => T[level.Chinese()];

    public static string Of(IStringLocalizer<Texts> T, RatingChannel channel) => T[channel.Chinese()];

    public static string Of(IStringLocalizer<Texts> T, BadReviewState state) => state switch
    {
        BadReviewState.Opened => T["待核实"],
        BadReviewState.Verified => T["待整改"],
        BadReviewState.Rectified => T["待回访"],
        BadReviewState.Replied => T["待办结"],
        BadReviewState.Closed => T["已办结|Closed"],
        BadReviewState.Appealed => T["申诉复核中"],
        _ => T["已排除"],
    };

    public static string Of(IStringLocalizer<Texts> T, CaseAction action) => action switch
    {
        CaseAction.Open => T["立案"],
        CaseAction.Verify => T["核实"],
        CaseAction.Rectify => T["整改"],
        CaseAction.Reply => T["回复回访"],
        CaseAction.Close => T["办结|Closed"],
        CaseAction.Appeal => T["申诉"],
        CaseAction.Uphold => T["复核维持"],
        CaseAction.Exclude => T["复核排除"],
        CaseAction.Remind => T["到期提醒"],
        CaseAction.EscalateYellow => T["黄牌督办"],
        _ => T["红牌督办"],
    };

    public static string Of(IStringLocalizer<Texts> T, BadReviewEscalation e) => e switch
    {
        BadReviewEscalation.Yellow => T["黄牌"],
        BadReviewEscalation.Red => T["红牌"],
        _ => "",
    };

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(double? value, string format = "0.00") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";
}
