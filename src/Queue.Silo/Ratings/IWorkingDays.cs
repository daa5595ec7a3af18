namespace Queue.Silo.Ratings;

/// <summary>
/// Working days of a hall, for bad-review deadlines. <see cref="RatingCalendar"/> is the fallback
/// (weekdays, plus its own holiday / make-up table); the hall calendar replaces it when registered first.
/// </summary>
public interface IWorkingDays
{
    Task<bool> IsWorkingDayAsync(string hallId, DateOnly day, CancellationToken ct = default);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (the day itself is not counted).</summary>
    Task<DateOnly> AddWorkingDaysAsync(string hallId, DateOnly from, int days, CancellationToken ct = default);

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when <paramref name="to"/> is earlier.</summary>
    Task<int> WorkingDaysBetweenAsync(string hallId, DateOnly from, DateOnly to, CancellationToken ct = default);
}
