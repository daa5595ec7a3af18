using Queue.Web.Admin;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Queue.Silo.Accounts;
using Queue.Silo.Audit;
using Queue.Silo.Calendar;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

/// <summary>Times as HH:mm (sent so; HH:mm:ss is read too). The pattern is for the document; ParseTime is the check.</summary>
/// <summary>A weekday's hours; a lunch break (午休) gives both of its ends, inside the hours, or neither.</summary>
public sealed record WeekdayHours([property: Required] DayOfWeek? Weekday,
    [property: Required, RegularExpression(WeekdayHours.TimePattern)] string? Opens,
    [property: Required, RegularExpression(WeekdayHours.TimePattern)] string? Closes,
    [property: RegularExpression(WeekdayHours.TimePattern)] string? BreakStarts = null,
    [property: RegularExpression(WeekdayHours.TimePattern)] string? BreakEnds = null)
{
    public const string TimePattern = @"^\d{2}:\d{2}(:\d{2})?$";
}
public sealed record OpeningHoursRequest([property: Required] List<WeekdayHours>? Hours);
public sealed record CalendarDayRequest([property: Required] CalendarDayKind? Kind, string? Name);
/// <summary>A special day; <c>AllHalls</c> when it is a national day rather than the hall's own.</summary>
public sealed record CalendarDayView(DateOnly Date, CalendarDayKind Kind, string Name, bool AllHalls = false)
{
    public static CalendarDayView Of(CalendarDay d) => new(d.Date, d.Kind, d.Name, d.ForAllHalls);
}
public sealed record CalendarView(string HallId, bool HasOpeningHours, bool OpenNow, DateTimeOffset? NextOpening,
    IReadOnlyList<WeekdayHours> Hours, IReadOnlyList<CalendarDayView> Days, IReadOnlyList<DateOnly> WorkingDays);

/// <summary>
/// The hall calendar (办公时间, 法定节假日, 调休): anyone reads it, the hall's managers edit their hall's days,
/// admins edit the days of all halls (national holidays and 调休, <c>/api/calendar/days</c>).
/// </summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapHallCalendar(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/halls/{hallId}/calendar").WithTags("calendar");
        group.MapGet("/", async (string hallId, string? from, string? to, HallCalendar calendar, TimeProvider time, HallClient halls) =>
        {
            var days = await calendar.ForHallAsync(await KnownHall.RequireAsync(halls, hallId));
            var start = from is null ? days.Today(time.GetUtcNow()) : ParseDate(from, "from");
            var end = to is null ? start.AddDays(30) : ParseDate(to, "to");
            if (end < start || end.DayNumber - start.DayNumber > 400) throw HallException.Invalid("to", "invalid.to.range", ("days", 400));
            return TypedResults.Ok(View(days, time.GetUtcNow(), start, end));
        });
        group.MapPut("/hours", async (string hallId, OpeningHoursRequest? body, ClaimsPrincipal user, HallCalendar calendar, TimeProvider time, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            RequireManager(user, hallId);
            var req = Validate.Body(body);
            // Validate.Body has refused a null entry (hours[0]); each field is named with its index.
            var hours = (req.Hours ?? throw HallException.Invalid("hours", "invalid.required", ("field", "hours"))).Select((h, i) => Checked(new OpeningHours(hallId,
                Validate.Required(h.Weekday, $"hours[{i}].weekday"), ParseTime(h.Opens, $"hours[{i}].opens"), ParseTime(h.Closes, $"hours[{i}].closes"),
                h.BreakStarts is null ? null : ParseTime(h.BreakStarts, $"hours[{i}].breakStarts"),
                h.BreakEnds is null ? null : ParseTime(h.BreakEnds, $"hours[{i}].breakEnds")), i)).ToList();
            var days = await calendar.SetHoursAsync(hallId, hours, AuditActor.Of(user));
            var today = days.Today(time.GetUtcNow());
            return TypedResults.Ok(View(days, time.GetUtcNow(), today, today.AddDays(30)));
        }).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapPut("/days/{date}", async (string hallId, string date, CalendarDayRequest? body, ClaimsPrincipal user, HallCalendar calendar, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            RequireManager(user, hallId);
            var req = Validate.Body(body);
            var day = await calendar.SetDayAsync(hallId, ParseDate(date, "date"), Validate.Required(req.Kind, "kind"), Validate.Text(req.Name, "name", 100) ?? "",
                AuditActor.Of(user));
            return TypedResults.Ok(CalendarDayView.Of(day));
        }).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapDelete("/days/{date}", async (string hallId, string date, ClaimsPrincipal user, HallCalendar calendar, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            RequireManager(user, hallId);
            await calendar.RemoveDayAsync(hallId, ParseDate(date, "date"), AuditActor.Of(user));
            return TypedResults.NoContent();
        }).RequireAuthorization(AuthSetup.ManagerPolicy);

        var national = routes.MapGroup("/api/calendar/days").WithTags("calendar");
        national.MapGet("/", async (string? from, string? to, HallCalendar calendar, TimeProvider time) =>
        {
            // By default this year and the next: the State Council publishes each year's notice late in the year before.
            var year = time.GetUtcNow().Year;
            var start = from is null ? new DateOnly(year, 1, 1) : ParseDate(from, "from");
            var end = to is null ? new DateOnly(year + 1, 12, 31) : ParseDate(to, "to");
            if (end < start || end.DayNumber - start.DayNumber > 800) throw HallException.Invalid("to", "invalid.to.range", ("days", 800));
            return TypedResults.Ok((await calendar.AllHallsDaysAsync(start, end)).Select(CalendarDayView.Of).ToList());
        });
        national.MapPut("/{date}", async (string date, CalendarDayRequest? body, ClaimsPrincipal user, HallCalendar calendar) =>
        {
            RequireAdmin(user);
            var req = Validate.Body(body);
            var day = await calendar.SetAllHallsDayAsync(ParseDate(date, "date"), Validate.Required(req.Kind, "kind"), Validate.Text(req.Name, "name", 100) ?? "",
                AuditActor.Of(user));
            return TypedResults.Ok(CalendarDayView.Of(day));
        }).RequireAuthorization();
        national.MapDelete("/{date}", async (string date, ClaimsPrincipal user, HallCalendar calendar) =>
        {
            RequireAdmin(user);
            await calendar.RemoveAllHallsDayAsync(ParseDate(date, "date"), AuditActor.Of(user));
            return TypedResults.NoContent();
        }).RequireAuthorization();
        return routes;
    }

    public static CalendarView View(WorkingCalendar days, DateTimeOffset now, DateOnly from, DateOnly to)
    {
        var working = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1)) if (days.IsWorkingDay(d)) working.Add(d);
        return new CalendarView(days.HallId, days.HasOpeningHours, days.IsOpen(now), days.NextOpening(now),
            days.WeeklyHours.OrderBy(h => ((int)h.Weekday + 6) % 7).Select(h => new WeekdayHours(h.Weekday, h.Opens.ToString("HH:mm"), h.Closes.ToString("HH:mm"),
                h.BreakStarts?.ToString("HH:mm"), h.BreakEnds?.ToString("HH:mm"))).ToList(),
            days.SpecialDays.Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).Select(CalendarDayView.Of).ToList(),
            working);
    }

    /// <summary>Hours that cannot be a day's are refused naming the field of entry <paramref name="i"/>.</summary>
    private static OpeningHours Checked(OpeningHours h, int i) =>
        h.Fault() is { } fault ? throw h.Refusal($"hours[{i}].{fault.Field}", fault.Key) : h;

    public static DateOnly ParseDate(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw HallException.Invalid(field, "invalid.date.format", ("field", field));

    private static TimeOnly ParseTime(string? value, string field) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : throw HallException.Invalid(field, "invalid.time.format", ("field", field));

    /// <summary>National days change every hall's slots, closed message and deadlines: admins only, never a hall's manager.</summary>
    private static void RequireAdmin(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Role.Admin)) throw new HallException(RefusalKind.Forbidden, "calendar.adminOnly", "calendar.adminOnly");
    }

    private static void RequireManager(ClaimsPrincipal user, string hallId)
    {
        if (!user.ManagesHall(hallId)) throw new HallException(RefusalKind.Forbidden, "hall.forbidden", "hall.forbidden");
    }
}
