using Queue.Silo.Halls;

namespace Queue.Silo.Calendar;

/// <summary>
/// One hall's calendar as of one read: weekly opening hours, holidays and make-up working days (调休),
/// the hall's own and those for all halls (national), the hall's own entry winning on the same date.
/// Pure and synchronous, so slots, deadlines and the kiosk's closed message all answer from the same rules.
/// A hall whose manager has not set opening hours yet counts Monday–Friday as working days with the
/// standard hours for slots and deadlines, but is never shown as closed by the clock (only on holidays):
/// a hall must not lock its kiosk before anyone has said when it opens. See docs/decisions/0030.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeOnly StandardOpens = new(9, 0);
    public static readonly TimeOnly StandardCloses = new(17, 0);

    /// <summary>How far the searches for the next working day or opening look before giving up.</summary>
    private const int SearchDays = 400;

    private readonly Hall hall;
    private readonly Dictionary<DayOfWeek, OpeningHours> hours;
    private readonly Dictionary<DateOnly, CalendarDay> days;

    public WorkingCalendar(Hall hall, IEnumerable<OpeningHours> hours, IEnumerable<CalendarDay> days)
    {
        this.hall = hall;
        this.hours = hours.ToDictionary(h => h.Weekday);
        // All-halls entries first, so that the hall's own entry for the same date overwrites it.
        this.days = [];
        foreach (var d in days.OrderBy(d => d.ForAllHalls ? 0 : 1)) this.days[d.Date] = d;
    }

    public string HallId => hall.Id;
    public bool HasOpeningHours => hours.Count > 0;
    public IReadOnlyCollection<OpeningHours> WeeklyHours => hours.Values;
    public IReadOnlyCollection<CalendarDay> SpecialDays => days.Values;

    public DateOnly Today(DateTimeOffset now) => hall.BusinessDay(now);

    public CalendarDay? SpecialDay(DateOnly date) => days.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date)
    {
        if (days.TryGetValue(date, out var special)) return special.Kind == CalendarDayKind.WorkingDay;
        return HasOpeningHours ? hours.ContainsKey(date.DayOfWeek) : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The hours of a working day; null when the hall is closed that day.</summary>
    public DayHours? HoursOn(DateOnly date)
    {
        if (!IsWorkingDay(date)) return null;
        // 调休 on a weekend: a normal weekday's hours.
        var set = hours.GetValueOrDefault(date.DayOfWeek) ?? (HasOpeningHours ? WeekdayPattern() : null);
        if (set is null) return new DayHours(date, StandardOpens, StandardCloses, At(date, StandardOpens), At(date, StandardCloses));
        return new DayHours(date, set.Opens, set.Closes, At(date, set.Opens), At(date, set.Closes))
        {
            BreakStarts = set.BreakStarts,
            BreakEnds = set.BreakEnds,
            BreakStartsAt = set.BreakStarts is { } b ? At(date, b) : null,
            BreakEndsAt = set.BreakEnds is { } e ? At(date, e) : null,
        };
    }

    /// <summary>Whether the hall is open at <paramref name="at"/> (the kiosk's closed message, remote tickets).</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var date = hall.BusinessDay(at);
        if (!HasOpeningHours) return !(days.TryGetValue(date, out var d) && d.Kind == CalendarDayKind.Holiday);
        return HoursOn(date) is { } h && h.IsOpenAt(at);
    }

    /// <summary>The next moment the hall opens after <paramref name="at"/> (a morning, or the end of a lunch break); null if nothing within a year.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset at)
    {
        var date = hall.BusinessDay(at);
        for (var i = 0; i < SearchDays; i++, date = date.AddDays(1))
        {
            if (HoursOn(date) is not { } h) continue;
            if (h.OpensAt > at) return h.OpensAt;
            if (h.BreakEndsAt is { } e && e > at) return e;
        }
        return null;
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="from"/> (which is not
    /// counted): a deadline of "15 个工作日" from a rating given on <paramref name="from"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = from;
        for (var left = workingDays; left > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) left--;
            if (date.DayNumber - from.DayNumber > SearchDays * 10) throw new InvalidOperationException($"Hall {hall.Id} has no working days.");
        }
        return date;
    }

    /// <summary>The instant a deadline of <paramref name="workingDays"/> working days after <paramref name="at"/> runs out: the end of that working day.</summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset at, int workingDays)
    {
        var day = AddWorkingDays(hall.BusinessDay(at), workingDays);
        return At(day.AddDays(1), TimeOnly.MinValue).AddTicks(-1);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    /// <summary>The next <paramref name="count"/> working days, starting with <paramref name="from"/> itself if it is one.</summary>
    public IReadOnlyList<DateOnly> NextWorkingDays(DateOnly from, int count)
    {
        var result = new List<DateOnly>(count);
        for (var d = from; result.Count < count && d.DayNumber - from.DayNumber < SearchDays; d = d.AddDays(1))
            if (IsWorkingDay(d)) result.Add(d);
        return result;
    }

    /// <summary>A local date and time of the hall as an instant.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(hall.TimeZoneId);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>An instant in the hall's local time.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => hall.LocalTime(at);

    private OpeningHours? WeekdayPattern() =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => hours.GetValueOrDefault(d)).FirstOrDefault(h => h is not null);
}
