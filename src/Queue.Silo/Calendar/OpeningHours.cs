namespace Queue.Silo.Calendar;

/// <summary>
/// When a hall is open on one weekday (办公时间), in the hall's local time, with its lunch break (午休) if it closes
/// for one. No row for a weekday: closed that day.
/// </summary>
public sealed class OpeningHours
{
    private OpeningHours() { }

    public OpeningHours(string hallId, DayOfWeek weekday, TimeOnly opens, TimeOnly closes, TimeOnly? breakStarts = null, TimeOnly? breakEnds = null)
    {
        HallId = hallId;
        Weekday = weekday;
        Opens = opens;
        Closes = closes;
        BreakStarts = breakStarts;
        BreakEnds = breakEnds;
    }

    public string HallId { get; private set; } = "";
    public DayOfWeek Weekday { get; private set; }
    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }

    /// <summary>The lunch break, both set or neither, strictly inside the opening hours (checked when hours are set).</summary>
    public TimeOnly? BreakStarts { get; private set; }

    public TimeOnly? BreakEnds { get; private set; }

    /// <summary>Why these hours cannot be a day's: the field at fault and the reason in both languages; null when they can.</summary>
    public (string Field, string Reason)? Fault() =>
        Closes <= Opens ? ("closes", $"{Weekday}: 关门时间须晚于开门时间。/ closing time must be after opening time.")
        : BreakStarts is null && BreakEnds is not null ? ("breakStarts", $"{Weekday}: 午休须同时填写开始和结束。/ a lunch break needs a start and an end.")
        : BreakStarts is not null && BreakEnds is null ? ("breakEnds", $"{Weekday}: 午休须同时填写开始和结束。/ a lunch break needs a start and an end.")
        : BreakStarts is { } b && BreakEnds is { } e && !(Opens < b && b < e && e < Closes)
            ? ("breakStarts", $"{Weekday}: 午休须在办公时间之内且结束晚于开始。/ the lunch break must lie inside the opening hours and end after it starts.")
        : null;

    /// <summary>The hours as the audit log keeps them.</summary>
    public object Audited() => new { Weekday, Opens, Closes, BreakStarts, BreakEnds };
}
