using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Queue.Silo.Storage;

namespace Queue.Silo.Calendar;

/// <summary>
/// The State Council's yearly holiday notices (国务院办公厅关于部分节假日安排的通知) as data: the days off and the make-up
/// working days (调休上班) of every hall. A year is loaded at start into a database that has no national day of that year
/// yet, so an admin's later edits stand. Only notices that have been published and checked are here (decision 0091).
/// </summary>
public sealed class NationalDays(IDbContextFactory<QueueDb> dbs, ILogger<NationalDays> log)
{
    /// <summary>Year → (first day, last day, kind, name), as the notice words them.</summary>
    public static readonly IReadOnlyDictionary<int, (string From, string To, CalendarDayKind Kind, string Name)[]> Notices =
        new Dictionary<int, (string, string, CalendarDayKind, string)[]>
        {
            // 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04 (published by 新华社 the same day).
            [2026] =
            [
                ("2026-01-01", "2026-01-03", CalendarDayKind.Holiday, "元旦"),
                ("2026-01-04", "2026-01-04", CalendarDayKind.WorkingDay, "元旦调休上班"),
                ("2026-02-14", "2026-02-14", CalendarDayKind.WorkingDay, "春节调休上班"),
                ("2026-02-15", "2026-02-23", CalendarDayKind.Holiday, "春节"),
                ("2026-02-28", "2026-02-28", CalendarDayKind.WorkingDay, "春节调休上班"),
                ("2026-04-04", "2026-04-06", CalendarDayKind.Holiday, "清明节"),
                ("2026-05-01", "2026-05-05", CalendarDayKind.Holiday, "劳动节"),
                ("2026-05-09", "2026-05-09", CalendarDayKind.WorkingDay, "劳动节调休上班"),
                ("2026-06-19", "2026-06-21", CalendarDayKind.Holiday, "端午节"),
                ("2026-09-20", "2026-09-20", CalendarDayKind.WorkingDay, "国庆节调休上班"),
                ("2026-09-25", "2026-09-27", CalendarDayKind.Holiday, "中秋节"),
                ("2026-10-01", "2026-10-07", CalendarDayKind.Holiday, "国庆节"),
                ("2026-10-10", "2026-10-10", CalendarDayKind.WorkingDay, "国庆节调休上班"),
            ],
        };

    /// <summary>
    /// Next year, when its notice is due (from November: the State Council publishes it in November or December) and none
    /// of its days is entered yet among <paramref name="entered"/>; otherwise null.
    /// </summary>
    public static int? MissingYear(DateOnly today, IEnumerable<CalendarDay> entered) =>
        today.Month >= 11 && !entered.Any(d => d.ForAllHalls && d.Date.Year == today.Year + 1) ? today.Year + 1 : null;

    /// <summary>Every day of the shipped notices, one entry per date.</summary>
    public static IEnumerable<CalendarDay> Days(int year)
    {
        foreach (var (from, to, kind, name) in Notices[year])
            for (var d = DateOnly.Parse(from); d <= DateOnly.Parse(to); d = d.AddDays(1))
                yield return new CalendarDay(CalendarDay.AllHalls, d, kind, name);
    }

    public async Task LoadMissingAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        foreach (var year in Notices.Keys)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            if (await db.Set<CalendarDay>().AnyAsync(d => d.HallId == CalendarDay.AllHalls && d.Date >= first && d.Date <= last, ct)) continue;
            var days = Days(year).ToList();
            db.AddRange(days);
            try
            {
                await db.SaveChangesAsync(ct);
                log.LogInformation("Loaded the national holidays of {Year}: {Count} days", year, days.Count);
            }
            catch (DbUpdateException)
            {
                // Another node starting at the same moment loaded them first.
                db.ChangeTracker.Clear();
            }
        }
    }
}
