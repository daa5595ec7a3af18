using Queue.Silo.Engine;

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

    /// <summary>Why these hours cannot be a day's: the field at fault and the key of the reason's wording; null when they can.</summary>
    public (string Field, string Key)? Fault() =>
        Closes <= Opens ? ("closes", "invalid.hours.closesBeforeOpens")
        : BreakStarts is null && BreakEnds is not null ? ("breakStarts", "invalid.hours.breakHalf")
        : BreakStarts is not null && BreakEnds is null ? ("breakEnds", "invalid.hours.breakHalf")
        : BreakStarts is { } b && BreakEnds is { } e && !(Opens < b && b < e && e < Closes)
            ? ("breakStarts", "invalid.hours.breakOutside")
        : null;

    /// <summary>The refusal of these hours naming <paramref name="field"/>; call only when <see cref="Fault"/> is not null.</summary>
    public HallException Refusal(string field, string key) => HallException.Invalid(field, key, ("weekday", Weekday.ToString()));

    /// <summary>The hours as the audit log keeps them.</summary>
    public object Audited() => new { Weekday, Opens, Closes, BreakStarts, BreakEnds };
}
