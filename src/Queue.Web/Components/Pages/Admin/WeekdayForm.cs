namespace Queue.Web.Components.Pages.Admin;

/// <summary>One weekday of the opening-hours form of /admin: open or not, its hours and its lunch break (both ends empty: none).</summary>
public sealed class WeekdayForm(DayOfWeek weekday)
{
    public static readonly DayOfWeek[] Order =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public DayOfWeek Weekday { get; } = weekday;
    public bool Open { get; set; }
    public TimeOnly Opens { get; set; } = new(9, 0);
    public TimeOnly Closes { get; set; } = new(17, 0);
    public TimeOnly? BreakStarts { get; set; }
    public TimeOnly? BreakEnds { get; set; }
}
