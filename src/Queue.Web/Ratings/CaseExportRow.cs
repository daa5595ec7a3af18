using System.Globalization;
using Queue.Silo.Halls;
using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>One bad-review case in the cases export.</summary>
public static class CaseExportRow
{
    public static readonly IReadOnlyList<string> Headers =
        ["工单编号", "办件编号", "窗口", "满意度代码", "立案时间", "办结期限", "状态", "督办", "办结时间", "按期办结", "行政区划"];

    public static IReadOnlyList<string> Fields(BadReviewCase c, Hall hall) =>
    [
        c.Id.ToString("N"),
        RatingExportRow.CaseNumberOf(c.HallId, c.ServiceDay, c.TicketNumber),
        c.WindowId,
        c.Level.Code().ToString(CultureInfo.InvariantCulture),
        Time(hall, c.OpenedAt),
        c.DeadlineDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        c.State.ToString().ToLowerInvariant(),
        c.Escalation.ToString().ToLowerInvariant(),
        c.ClosedAt is { } closed ? Time(hall, closed) : "",
        c.ClosedOnTime switch { true => "是", false => "否", null => "" },
        hall.RegionCode,
    ];

    private static string Time(Hall hall, DateTimeOffset at) => hall.LocalTime(at).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
}
