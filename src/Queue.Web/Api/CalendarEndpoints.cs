using System.Globalization;
using System.Security.Claims;
using Queue.Silo.Calendar;
using Queue.Silo.Engine;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

public sealed record WeekdayHours(DayOfWeek? Weekday, string? Opens, string? Closes);
public sealed record OpeningHoursRequest(List<WeekdayHours>? Hours);
public sealed record CalendarDayRequest(CalendarDayKind? Kind, string? Name);
public sealed record CalendarDayView(DateOnly Date, CalendarDayKind Kind, string Name);
public sealed record CalendarView(string HallId, bool HasOpeningHours, bool OpenNow, DateTimeOffset? NextOpening,
    IReadOnlyList<WeekdayHours> Hours, IReadOnlyList<CalendarDayView> Days, IReadOnlyList<DateOnly> WorkingDays);

/// <summary>The hall calendar (办公时间, 法定节假日, 调休): anyone reads it, the hall's managers edit it.</summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapHallCalendar(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/halls/{hallId}/calendar").WithTags("calendar");
        group.MapGet("/", async (string hallId, string? from, string? to, HallCalendar calendar, TimeProvider time) =>
        {
            var days = await calendar.ForHallAsync(Validate.Id(hallId, "hallId"));
            var start = from is null ? days.Today(time.GetUtcNow()) : ParseDate(from, "from");
            var end = to is null ? start.AddDays(30) : ParseDate(to, "to");
            if (end < start || end.DayNumber - start.DayNumber > 400) throw HallException.Invalid("to", "to must be after from and within 400 days.");
            return TypedResults.Ok(View(days, time.GetUtcNow(), start, end));
        });
        group.MapPut("/hours", async (string hallId, OpeningHoursRequest? body, ClaimsPrincipal user, HallCalendar calendar, TimeProvider time) =>
        {
            RequireManager(user, hallId);
            var req = Validate.Body(body);
            var hours = (req.Hours ?? throw HallException.Invalid("hours", "hours is required.")).Select(h => new OpeningHours(hallId,
                Validate.Required(h.Weekday, "weekday"), ParseTime(h.Opens, "opens"), ParseTime(h.Closes, "closes"))).ToList();
            var days = await calendar.SetHoursAsync(hallId, hours);
            var today = days.Today(time.GetUtcNow());
            return TypedResults.Ok(View(days, time.GetUtcNow(), today, today.AddDays(30)));
        }).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapPut("/days/{date}", async (string hallId, string date, CalendarDayRequest? body, ClaimsPrincipal user, HallCalendar calendar) =>
        {
            RequireManager(user, hallId);
            var req = Validate.Body(body);
            var day = await calendar.SetDayAsync(hallId, ParseDate(date, "date"), Validate.Required(req.Kind, "kind"), Validate.Text(req.Name, "name", 100) ?? "");
            return TypedResults.Ok(new CalendarDayView(day.Date, day.Kind, day.Name));
        }).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapDelete("/days/{date}", async (string hallId, string date, ClaimsPrincipal user, HallCalendar calendar) =>
        {
            RequireManager(user, hallId);
            await calendar.RemoveDayAsync(hallId, ParseDate(date, "date"));
            return TypedResults.NoContent();
        }).RequireAuthorization(AuthSetup.ManagerPolicy);
        return routes;
    }

    public static CalendarView View(WorkingCalendar days, DateTimeOffset now, DateOnly from, DateOnly to)
    {
        var working = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1)) if (days.IsWorkingDay(d)) working.Add(d);
        return new CalendarView(days.HallId, days.HasOpeningHours, days.IsOpen(now), days.NextOpening(now),
            days.WeeklyHours.OrderBy(h => ((int)h.Weekday + 6) % 7).Select(h => new WeekdayHours(h.Weekday, h.Opens.ToString("HH:mm"), h.Closes.ToString("HH:mm"))).ToList(),
            days.SpecialDays.Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).Select(d => new CalendarDayView(d.Date, d.Kind, d.Name)).ToList(),
            working);
    }

    public static DateOnly ParseDate(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw HallException.Invalid(field, $"{field} must be a date like 2026-05-01.");

    private static TimeOnly ParseTime(string? value, string field) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : throw HallException.Invalid(field, $"{field} must be a time like 09:00.");

    private static void RequireManager(ClaimsPrincipal user, string hallId)
    {
        if (!user.ManagesHall(hallId)) throw new HallException(RefusalKind.Forbidden, "hall.forbidden", "This account may not manage this hall.");
    }
}
