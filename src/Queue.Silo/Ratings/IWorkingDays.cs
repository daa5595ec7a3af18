namespace Queue.Silo.Ratings;

/// <summary>
/// Working days of a hall, for bad-review deadlines. Implemented by <see cref="Calendar.HallWorkingDays"/>
/// over the hall calendar, the one source of working days (decision 0065).
/// </summary>
public interface IWorkingDays
{
    Task<bool> IsWorkingDayAsync(string hallId, DateOnly day, CancellationToken ct = default);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (the day itself is not counted).</summary>
    Task<DateOnly> AddWorkingDaysAsync(string hallId, DateOnly from, int days, CancellationToken ct = default);

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when <paramref name="to"/> is earlier.</summary>
    Task<int> WorkingDaysBetweenAsync(string hallId, DateOnly from, DateOnly to, CancellationToken ct = default);
}
