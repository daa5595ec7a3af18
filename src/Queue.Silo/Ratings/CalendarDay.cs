namespace Queue.Silo.Ratings;

/// <summary>
/// An exception to "Monday to Friday": a holiday on a weekday, or a make-up working day (调休) on a
/// weekend. <see cref="HallId"/> "*" applies to every hall (national holidays); a hall id to that hall.
/// </summary>
public sealed class CalendarDay
{
    public const string AllHalls = "*";

    private CalendarDay() { }

    public CalendarDay(string hallId, DateOnly date, bool working, string name)
    {
        HallId = hallId;
        Date = date;
        Working = working;
        Name = name;
    }

    public string HallId { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public bool Working { get; private set; }
    public string Name { get; private set; } = "";
}
