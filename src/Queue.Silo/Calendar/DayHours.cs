namespace Queue.Silo.Calendar;

/// <summary>A working day's opening hours, local time, and the same as instants; with the lunch break if the hall closes for one.</summary>
public sealed record DayHours(DateOnly Date, TimeOnly Opens, TimeOnly Closes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    public TimeOnly? BreakStarts { get; init; }
    public TimeOnly? BreakEnds { get; init; }
    public DateTimeOffset? BreakStartsAt { get; init; }
    public DateTimeOffset? BreakEndsAt { get; init; }

    /// <summary>Open at <paramref name="at"/>: within the hours and not in the lunch break.</summary>
    public bool IsOpenAt(DateTimeOffset at) =>
        at >= OpensAt && at < ClosesAt && !(BreakStartsAt is { } b && BreakEndsAt is { } e && at >= b && at < e);
}
