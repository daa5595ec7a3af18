using System.Globalization;
using Queue.Silo.Halls;
using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>
/// One rating as GB/T 39046-2020 Table 9 lists it: 办件编号, 评价渠道, 评价人, 评价时间 (YYYYMMDDThhmmss,
/// hall time), 评价次数, 满意度代码 (1 = 非常满意 … 5 = 非常不满意), 文字评价, 行政区划.
/// </summary>
public sealed record RatingExportRow(string CaseNumber, int ChannelCode, string Rater, string RatedAt, int Round, int SatisfactionCode, string Text, string RegionCode)
{
    public static readonly IReadOnlyList<string> Headers = ["办件编号", "评价渠道", "评价人", "评价时间", "评价次数", "满意度代码", "文字评价", "行政区划"];

    /// <summary>办件编号: hall, service day and ticket number — unique, because numbers are never issued twice a day.</summary>
    public static string CaseNumberOf(string hallId, DateOnly day, string ticketNumber) =>
        $"{hallId}-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{ticketNumber}";

    public static RatingExportRow Of(Rating r, Hall hall) => new(
        CaseNumberOf(r.HallId, r.BusinessDay, r.TicketNumber),
        r.Channel.Code(),
        r.Channel == RatingChannel.SystemDefault ? "系统默认" : r.RaterPhone ?? "匿名",
        hall.LocalTime(r.RatedAt).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture),
        r.Round,
        r.Level.Code(),
        TextOf(r),
        hall.RegionCode);

    public IReadOnlyList<string> Fields() =>
        [CaseNumber, ChannelCode.ToString(CultureInfo.InvariantCulture), Rater, RatedAt, Round.ToString(CultureInfo.InvariantCulture),
         SatisfactionCode.ToString(CultureInfo.InvariantCulture), Text, RegionCode];

    /// <summary>The chosen tags, then the comment: Table 9 has one text field for both.</summary>
    private static string TextOf(Rating r)
    {
        var tags = r.Tags.Count == 0 ? "" : string.Join("、", r.Tags);
        return (tags, r.Comment) switch
        {
            ("", null) => "",
            ("", var c) => c,
            (var t, null) => t,
            (var t, var c) => $"{t}；{c}",
        };
    }
}
