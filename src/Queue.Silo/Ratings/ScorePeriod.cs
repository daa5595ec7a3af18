using System.Globalization;
using Queue.Silo.Engine;

namespace Queue.Silo.Ratings;

/// <summary>A day, an ISO week (Monday first) or a calendar month of service days.</summary>
public sealed record ScorePeriod(string Kind, DateOnly From, DateOnly To)
{
    public static ScorePeriod Of(string? kind, DateOnly day) => (kind ?? "month") switch
    {
        "day" => new("day", day, day),
        "week" => Week(day),
        "month" => new("month", new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
        _ => throw HallException.Invalid("period", "invalid.period.kind"),
    };

    /// <summary>The periods of <paramref name="kind"/> from <paramref name="count"/>-1 periods before <paramref name="day"/> up to its own, oldest first.</summary>
    public static IReadOnlyList<ScorePeriod> Trend(string? kind, DateOnly day, int count)
    {
        var list = new List<ScorePeriod>();
        var p = Of(kind, day);
        for (var i = 0; i < count; i++)
        {
            list.Insert(0, p);
            p = Of(p.Kind, p.From.AddDays(-1));
        }
        return list;
    }

    public string Label => Kind switch
    {
        "day" => From.ToString("MM-dd", CultureInfo.InvariantCulture),
        "week" => $"{ISOWeek.GetYear(From.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(From.ToDateTime(TimeOnly.MinValue)):D2}",
        _ => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    private static ScorePeriod Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new("week", monday, monday.AddDays(6));
    }
}
