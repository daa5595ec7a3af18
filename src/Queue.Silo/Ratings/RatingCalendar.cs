using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;

namespace Queue.Silo.Ratings;

/// <summary>
/// The fallback <see cref="IWorkingDays"/>: Monday to Friday, except the days in <c>rating_calendar_days</c>
/// (holidays off, 调休 make-up days on; a hall's own entry beats the all-halls one).
/// </summary>
public sealed class RatingCalendar(IDbContextFactory<QueueDb> dbs) : IWorkingDays
{
    /// <summary>Longest stretch searched; no real calendar has a year without working days.</summary>
    private const int MaxSpanDays = 800;

    public async Task<bool> IsWorkingDayAsync(string hallId, DateOnly day, CancellationToken ct = default)
    {
        var exceptions = await ExceptionsAsync(hallId, day, day, ct);
        return IsWorking(day, exceptions);
    }

    public async Task<DateOnly> AddWorkingDaysAsync(string hallId, DateOnly from, int days, CancellationToken ct = default)
    {
        if (days < 0) throw new ArgumentOutOfRangeException(nameof(days));
        var exceptions = await ExceptionsAsync(hallId, from, from.AddDays(days * 3 + 60), ct);
        var day = from;
        for (var left = days; left > 0;)
        {
            day = day.AddDays(1);
            if (day.DayNumber - from.DayNumber > MaxSpanDays) throw new InvalidOperationException("The calendar has no working days.");
            if (IsWorking(day, exceptions)) left--;
        }
        return day;
    }

    public async Task<int> WorkingDaysBetweenAsync(string hallId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from) return -await WorkingDaysBetweenAsync(hallId, to, from, ct);
        var exceptions = await ExceptionsAsync(hallId, from, to, ct);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorking(d, exceptions)) count++;
        return count;
    }

    /// <summary>Adds or replaces one exception day.</summary>
    public async Task SetDayAsync(string hallId, DateOnly date, bool working, string name, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var existing = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.HallId == hallId && d.Date == date, ct);
        if (existing is not null) db.Remove(existing);
        db.Add(new CalendarDay(hallId, date, working, name));
        await db.SaveChangesAsync(ct);
    }

    private static bool IsWorking(DateOnly day, IReadOnlyDictionary<DateOnly, bool> exceptions) =>
        exceptions.TryGetValue(day, out var working) ? working : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private async Task<IReadOnlyDictionary<DateOnly, bool>> ExceptionsAsync(string hallId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<CalendarDay>().AsNoTracking()
            .Where(d => (d.HallId == hallId || d.HallId == CalendarDay.AllHalls) && d.Date >= from && d.Date <= to).ToListAsync(ct);
        // A hall's own entry beats the all-halls one for the same date.
        return rows.OrderBy(d => d.HallId == CalendarDay.AllHalls ? 0 : 1).GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last().Working);
    }
}
