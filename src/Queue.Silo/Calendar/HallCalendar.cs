using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Audit;
using Queue.Silo.Engine;
using Queue.Silo.Storage;

namespace Queue.Silo.Calendar;

/// <summary>
/// Reads and edits a hall's calendar. Every read goes to the database (two small tables), so an edit on
/// one node is seen at once by every node. Other features use <see cref="ForHallAsync"/> and ask the
/// returned <see cref="WorkingCalendar"/>: is the hall open, which days are working days, add N working days.
/// Days for all halls (<see cref="CalendarDay.AllHalls"/>: national holidays and 调休) live in the same table
/// and are part of every hall's calendar; a hall's own entry for a date beats them (docs/decisions/0065).
/// </summary>
public sealed class HallCalendar(IDbContextFactory<QueueDb> dbs, TimeProvider time)
{
    private static readonly TimeSpan RecentFor = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (long ReadAt, WorkingCalendar Calendar)> recent = new();
    private long generation;

    /// <summary>
    /// The hall's calendar as read at most a second ago on this node, for the phone-ticket check "is the hall
    /// open": three queries per phone ticket were a fifth of the server's CPU at 1,000 tickets/s (decision
    /// 0073). Edits through this node are seen at once (they clear it); another node's edit within a second.
    /// </summary>
    public async Task<WorkingCalendar> RecentForHallAsync(string hallId, CancellationToken ct = default)
    {
        if (recent.TryGetValue(hallId, out var r) && Stopwatch.GetElapsedTime(r.ReadAt) < RecentFor) return r.Calendar;
        var before = Interlocked.Read(ref generation);
        var readAt = Stopwatch.GetTimestamp();
        var fresh = await ForHallAsync(hallId, ct);
        // An edit that finished while we read may not be in what we read: then do not keep it.
        if (Interlocked.Read(ref generation) == before) recent[hallId] = (readAt, fresh);
        return fresh;
    }

    private void Forget()
    {
        Interlocked.Increment(ref generation);
        recent.Clear();
    }

    public async Task<WorkingCalendar> ForHallAsync(string hallId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct) ?? throw HallException.NotFound("hall", hallId);
        var hours = await db.Set<OpeningHours>().AsNoTracking().Where(h => h.HallId == hallId).ToListAsync(ct);
        var days = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.HallId == hallId || d.HallId == CalendarDay.AllHalls).ToListAsync(ct);
        return new WorkingCalendar(hall, hours, days);
    }

    public async Task<bool> IsOpenAsync(string hallId, CancellationToken ct = default) =>
        (await ForHallAsync(hallId, ct)).IsOpen(time.GetUtcNow());

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="from"/> in the hall's calendar.</summary>
    public async Task<DateOnly> AddWorkingDaysAsync(string hallId, DateOnly from, int workingDays, CancellationToken ct = default) =>
        (await ForHallAsync(hallId, ct)).AddWorkingDays(from, workingDays);

    // Every change below is made by an actor (an account's user name) and commits its audit entry with itself.

    /// <summary>Replaces the weekly opening hours; weekdays left out are closed.</summary>
    public async Task<WorkingCalendar> SetHoursAsync(string hallId, IReadOnlyList<OpeningHours> weekly, string actor, CancellationToken ct = default)
    {
        if (weekly.GroupBy(h => h.Weekday).Any(g => g.Count() > 1)) throw HallException.Invalid("hours", "invalid.hours.weekdayTwice");
        if (weekly.FirstOrDefault(h => h.Fault() is not null) is { } wrong && wrong.Fault() is { } fault) throw wrong.Refusal("hours", fault.Key);
        if (weekly.Any(h => h.HallId != hallId)) throw HallException.Invalid("hours", "invalid.hours.otherHall");
        await using var db = await dbs.CreateDbContextAsync(ct);
        await RequireHallAsync(db, hallId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await db.Set<OpeningHours>().AsNoTracking().Where(h => h.HallId == hallId).ToListAsync(ct);
        await db.Set<OpeningHours>().Where(h => h.HallId == hallId).ExecuteDeleteAsync(ct);
        db.Set<OpeningHours>().AddRange(weekly);
        db.Add(Audit(actor, hallId, "calendar.hours", $"hall:{hallId}", Week(before), Week(weekly)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Forget();
        return await ForHallAsync(hallId, ct);
    }

    /// <summary>Declares a date a holiday or a make-up working day of one hall (replacing what it was).</summary>
    public async Task<CalendarDay> SetDayAsync(string hallId, DateOnly date, CalendarDayKind kind, string name, string actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await RequireHallAsync(db, hallId, ct);
        try
        {
            var day = Put(db, await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.HallId == hallId && d.Date == date, ct), hallId, date, kind, name, actor, "calendar.day");
            await db.SaveChangesAsync(ct);
            return day;
        }
        finally { Forget(); }
    }

    /// <summary>Declares a date a holiday or a make-up working day of every hall (national), replacing what it was.</summary>
    public async Task<CalendarDay> SetAllHallsDayAsync(DateOnly date, CalendarDayKind kind, string name, string actor, CancellationToken ct = default) =>
        (await SetAllHallsDaysAsync(date, date, kind, name, actor, ct))[0];

    /// <summary>
    /// Declares every date from <paramref name="from"/> to <paramref name="to"/> (at most a month) a holiday or make-up
    /// working day of every hall in one commit: a notice's "10月1日至7日放假" entered as it is written.
    /// </summary>
    public async Task<IReadOnlyList<CalendarDay>> SetAllHallsDaysAsync(DateOnly from, DateOnly to, CalendarDayKind kind, string name, string actor,
        CancellationToken ct = default)
    {
        if (to < from) throw HallException.Invalid("to", "invalid.dayRange.order");
        if (to.DayNumber - from.DayNumber >= MaxRange) throw HallException.Invalid("to", "invalid.dayRange.length", ("days", MaxRange));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var existing = await db.Set<CalendarDay>().Where(d => d.HallId == CalendarDay.AllHalls && d.Date >= from && d.Date <= to).ToDictionaryAsync(d => d.Date, ct);
        var days = new List<CalendarDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
            days.Add(Put(db, existing.GetValueOrDefault(date), CalendarDay.AllHalls, date, kind, name, actor, "calendar.nationalDay"));
        try
        {
            await db.SaveChangesAsync(ct);
            return days;
        }
        finally { Forget(); }
    }

    /// <summary>The longest range entered at once: the longest holiday of a notice (春节, 8–9 days) with room to spare.</summary>
    public const int MaxRange = 31;

    /// <summary>The days for all halls between two dates (inclusive), by date.</summary>
    public async Task<IReadOnlyList<CalendarDay>> AllHallsDaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var days = await db.Set<CalendarDay>().AsNoTracking()
            .Where(d => d.HallId == CalendarDay.AllHalls && d.Date >= from && d.Date <= to).ToListAsync(ct);
        return days.OrderBy(d => d.Date).ToList();
    }

    /// <summary>Returns a date of one hall to the weekly pattern (or to the all-halls entry, if there is one).</summary>
    public async Task RemoveDayAsync(string hallId, DateOnly date, string actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await RequireHallAsync(db, hallId, ct);
        try { await RemoveAsync(db, hallId, date, actor, "calendar.day.remove", ct); }
        finally { Forget(); }
    }

    /// <summary>Removes a date for all halls; halls' own entries for that date stay.</summary>
    public async Task RemoveAllHallsDayAsync(DateOnly date, string actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        try { await RemoveAsync(db, CalendarDay.AllHalls, date, actor, "calendar.nationalDay.remove", ct); }
        finally { Forget(); }
    }

    /// <summary>Adds or changes the day <paramref name="stored"/> (null: none yet) and its audit entry, to be saved by the caller.</summary>
    private CalendarDay Put(QueueDb db, CalendarDay? stored, string hallId, DateOnly date, CalendarDayKind kind, string name, string actor, string action)
    {
        var before = stored?.Audited();
        var day = stored ?? new CalendarDay(hallId, date, kind, name);
        if (stored is null) db.Add(day);
        day.Kind = kind;
        day.Name = name;
        db.Add(Audit(actor, HallOf(hallId), action, $"day:{date:yyyy-MM-dd}", before, day.Audited()));
        return day;
    }

    private async Task RemoveAsync(QueueDb db, string hallId, DateOnly date, string actor, string action, CancellationToken ct)
    {
        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.HallId == hallId && d.Date == date, ct)
            ?? throw HallException.NotFound("calendar day", date.ToString("yyyy-MM-dd"));
        db.Remove(day);
        db.Add(Audit(actor, HallOf(hallId), action, $"day:{date:yyyy-MM-dd}", day.Audited(), null));
        await db.SaveChangesAsync(ct);
    }

    private AuditEntry Audit(string actor, string? hallId, string action, string subject, object? before, object? after) =>
        AuditLog.Entry(time.GetUtcNow(), actor, hallId, action, subject, before, after);

    /// <summary>The audit log files the all-halls days under no hall.</summary>
    private static string? HallOf(string hallId) => hallId == CalendarDay.AllHalls ? null : hallId;

    private static List<object> Week(IEnumerable<OpeningHours> hours) => [.. hours.OrderBy(h => ((int)h.Weekday + 6) % 7).Select(h => h.Audited())];

    private static async Task RequireHallAsync(QueueDb db, string hallId, CancellationToken ct)
    {
        // "*" is never a hall: the all-halls entries have their own, admin-only, methods.
        if (hallId == CalendarDay.AllHalls || !await db.Halls.AnyAsync(h => h.Id == hallId, ct)) throw HallException.NotFound("hall", hallId);
    }
}
