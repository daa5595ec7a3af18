namespace Queue.Silo.Calendar;

/// <summary>One date that departs from the weekly pattern: a holiday or a make-up working day (调休).</summary>
public sealed class CalendarDay
{
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
}
