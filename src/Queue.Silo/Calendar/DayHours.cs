namespace Queue.Silo.Calendar;

/// <summary>A working day's opening hours, local time, and the same as instants.</summary>
public sealed record DayHours(DateOnly Date, TimeOnly Opens, TimeOnly Closes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);
