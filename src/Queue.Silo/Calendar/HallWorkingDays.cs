using Queue.Silo.Ratings;

namespace Queue.Silo.Calendar;

/// <summary>
/// Bad-review deadlines (N 个工作日) answered from the hall calendar, so cases, slots and the kiosk's closed
/// message share one set of working days, national holidays and 调休 included (docs/decisions/0065).
/// </summary>
public sealed class HallWorkingDays(HallCalendar calendar) : IWorkingDays
{
    public async Task<bool> IsWorkingDayAsync(string hallId, DateOnly day, CancellationToken ct = default) =>
        (await calendar.ForHallAsync(hallId, ct)).IsWorkingDay(day);

    public async Task<DateOnly> AddWorkingDaysAsync(string hallId, DateOnly from, int days, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return (await calendar.ForHallAsync(hallId, ct)).AddWorkingDays(from, days);
    }

    public async Task<int> WorkingDaysBetweenAsync(string hallId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var days = await calendar.ForHallAsync(hallId, ct);
        // The calendar counts forwards only; a deadline already passed is counted back as a negative number.
        return to < from ? -days.WorkingDaysBetween(to, from) : days.WorkingDaysBetween(from, to);
    }
}
