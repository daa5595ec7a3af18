namespace Queue.Silo.Calendar;

/// <summary>
/// One date that departs from the weekly pattern: a holiday or a make-up working day (调休).
/// <see cref="HallId"/> <see cref="AllHalls"/> ("*") is a national day that applies to every hall (the State
/// Council's yearly notice, entered by admins); a hall's own entry for the same date beats it.
/// </summary>
public sealed class CalendarDay
{
    /// <summary>The reserved hall id of entries for every hall; never a real hall's id.</summary>
    public const string AllHalls = "*";

    private CalendarDay() { }

    public CalendarDay(string hallId, DateOnly date, CalendarDayKind kind, string name)
    {
        HallId = hallId;
        Date = date;
        Kind = kind;
        Name = name;
    }

    public string HallId { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";

    public bool ForAllHalls => HallId == AllHalls;

    /// <summary>The day as the audit log keeps it.</summary>
    public object Audited() => new { Date, Kind, Name };
}
