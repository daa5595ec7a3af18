namespace Queue.Silo.Calendar;

/// <summary>When a hall is open on one weekday (办公时间), in the hall's local time. No row for a weekday: closed that day.</summary>
public sealed class OpeningHours
{
    private OpeningHours() { }

    public OpeningHours(string hallId, DayOfWeek weekday, TimeOnly opens, TimeOnly closes)
    {
        HallId = hallId;
        Weekday = weekday;
        Opens = opens;
        Closes = closes;
    }

    public string HallId { get; private set; } = "";
    public DayOfWeek Weekday { get; private set; }
    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }
}
