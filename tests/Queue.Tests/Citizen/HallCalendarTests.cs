using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Calendar;
using Queue.Silo.Halls;
using Queue.Silo.Ratings;
using Queue.Tests.Infrastructure;
using Queue.Tests.Ratings;

namespace Queue.Tests.Citizen;

/// <summary>The hall calendar: weekly hours, holidays, make-up working days (调休), working-day arithmetic.</summary>
public sealed class HallCalendarTests
{
    private static readonly Hall Hall = new("h", "Hall", HallLevel.City, null, "420100");

    /// <summary>National Day week 2026 as a hall would enter it: 1–7 October off, Saturday 10 October worked.</summary>
    private static WorkingCalendar NationalDay(bool withHours = true)
    {
        var hours = withHours
            ? Enumerable.Range(1, 5).Select(d => new OpeningHours("h", (DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(17, 30))).ToList()
            : [];
        var days = Enumerable.Range(1, 7).Select(d => new CalendarDay("h", new DateOnly(2026, 10, d), CalendarDayKind.Holiday, "国庆节"))
            .Append(new CalendarDay("h", new DateOnly(2026, 10, 10), CalendarDayKind.WorkingDay, "国庆调休")).ToList();
        return new WorkingCalendar(Hall, hours, days);
    }

    [Fact]
    public void HolidaysCloseAndMakeUpDaysOpenWithTheWeekdayHours()
    {
        var cal = NationalDay();
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 10, 5)));   // a Monday inside the holiday
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 10, 10)));   // Saturday 调休
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 10, 11)));  // an ordinary Sunday
        Assert.Equal(new TimeOnly(17, 30), cal.HoursOn(new DateOnly(2026, 10, 10))!.Closes);
        Assert.True(cal.IsOpen(new DateTimeOffset(2026, 10, 10, 10, 0, 0, TimeSpan.FromHours(8))));
        Assert.False(cal.IsOpen(new DateTimeOffset(2026, 10, 9, 17, 30, 0, TimeSpan.FromHours(8))));
        Assert.False(cal.IsOpen(new DateTimeOffset(2026, 10, 2, 10, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.FromHours(8)), cal.NextOpening(new DateTimeOffset(2026, 9, 30, 18, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void WorkingDaysAreCountedAcrossHolidaysAndMakeUpDays()
    {
        var cal = NationalDay();
        // From Wednesday 30 September: 8th (Thu), 9th (Fri), 10th (Sat 调休), 12th (Mon), 13th (Tue).
        Assert.Equal(new DateOnly(2026, 10, 13), cal.AddWorkingDays(new DateOnly(2026, 9, 30), 5));
        Assert.Equal(new DateOnly(2026, 9, 30), cal.AddWorkingDays(new DateOnly(2026, 9, 30), 0));
        Assert.Equal(5, cal.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 13)));
        Assert.Equal(0, cal.WorkingDaysBetween(new DateOnly(2026, 10, 13), new DateOnly(2026, 9, 30)));
        Assert.Equal([new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 9)], cal.NextWorkingDays(new DateOnly(2026, 9, 30), 3));
        // 15 working days (the default 差评 deadline) from 30 September run to the end of 27 October, hall time.
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 23, 59, 59, TimeSpan.FromHours(8)).AddTicks(TimeSpan.TicksPerSecond - 1),
            cal.DeadlineAfter(new DateTimeOffset(2026, 9, 30, 15, 0, 0, TimeSpan.FromHours(8)), 15));
    }

    [Fact]
    public void AHallWithoutHoursIsNeverClosedByTheClockButStillKeepsHolidaysAndWeekdays()
    {
        var cal = NationalDay(withHours: false);
        Assert.True(cal.IsOpen(new DateTimeOffset(2026, 10, 11, 23, 0, 0, TimeSpan.FromHours(8))));
        Assert.False(cal.IsOpen(new DateTimeOffset(2026, 10, 3, 10, 0, 0, TimeSpan.FromHours(8))));
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 10, 11)));
        Assert.Equal(WorkingCalendar.StandardOpens, cal.HoursOn(new DateOnly(2026, 10, 12))!.Opens);
    }

    [Fact]
    public async Task ManagersEditTheCalendarThroughTheApiAndOthersMayOnlyReadIt()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 10));
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var manager = await app.SignedInAsync("manager");
        var staff = await app.SignedInAsync("staff01");
        var anyone = app.CreateClient();

        var hours = new { hours = new[] { new { weekday = "monday", opens = "08:30", closes = "12:00" }, new { weekday = "tuesday", opens = "08:30", closes = "17:00" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/hours", hours)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/hours", hours)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/hours", hours)).StatusCode);
        var bad = new { hours = new[] { new { weekday = "monday", opens = "17:00", closes = "09:00" } } };
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/hours", bad)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/hours", new { hours = new[] { new { weekday = "monday", opens = "9am", closes = "17:00" } } })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/days/2026-11-24", new { kind = "holiday", name = "测试假日" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/days/2026-11-28", new { kind = "workingDay", name = "调休" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/days/2026-13-01", new { kind = "holiday" })).StatusCode);

        var view = await anyone.GetFromJsonAsync<CalendarDto>($"/api/halls/{Demo.City}/calendar?from=2026-11-23&to=2026-11-30", ApiCalls.Json);
        Assert.True(view!.OpenNow);
        Assert.Equal(["2026-11-23", "2026-11-28", "2026-11-30"], view.WorkingDays);
        Assert.Equal(2, view.Days.Count);

        // Slots follow the calendar: Monday's morning hours, nothing on the holiday, the 调休 Saturday bookable with Monday's hours.
        Assert.Equal(7, (await anyone.SlotsAsync(Demo.SocialInsurance, "2026-11-23")).Count);
        Assert.Empty(await anyone.SlotsAsync(Demo.SocialInsurance, "2026-11-24"));
        Assert.Equal(7, (await anyone.SlotsAsync(Demo.SocialInsurance, "2026-11-28")).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/halls/{Demo.City}/calendar/days/2026-11-24")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"/api/halls/{Demo.City}/calendar/days/2026-11-24")).StatusCode);
        clock.Set(CitizenApi.Shanghai(23, 12, 30));
        Assert.False((await anyone.GetFromJsonAsync<CalendarDto>($"/api/halls/{Demo.City}/calendar", ApiCalls.Json))!.OpenNow);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/halls/nowhere/calendar")).StatusCode);
    }

    [Fact]
    public void ALunchBreakClosesTheHallAndItsEndIsTheNextOpening()
    {
        var hours = Enumerable.Range(1, 5).Select(d => new OpeningHours("h", (DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(17, 0), new TimeOnly(12, 0), new TimeOnly(13, 30)));
        var cal = new WorkingCalendar(Hall, hours, []);
        static DateTimeOffset Monday(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(8));
        Assert.True(cal.IsOpen(Monday(11, 59)));
        Assert.False(cal.IsOpen(Monday(12, 0)));
        Assert.False(cal.IsOpen(Monday(13, 29)));
        Assert.True(cal.IsOpen(Monday(13, 30)));
        Assert.Equal(Monday(13, 30), cal.NextOpening(Monday(12, 10)));
        Assert.Equal(Monday(9, 0).AddDays(1), cal.NextOpening(Monday(17, 10)));
        // A make-up Saturday has a weekday's hours, lunch break included.
        var saturday = new WorkingCalendar(Hall, hours, [new CalendarDay("h", new DateOnly(2026, 11, 28), CalendarDayKind.WorkingDay, "调休")]);
        Assert.False(saturday.IsOpen(Monday(12, 30).AddDays(5)));
        Assert.Equal(new TimeOnly(13, 30), saturday.HoursOn(new DateOnly(2026, 11, 28))!.BreakEnds);
        // Hours that cannot be a day's say why.
        Assert.Equal("breakEnds", new OpeningHours("h", DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0), new TimeOnly(12, 0), null).Fault()?.Field);
        Assert.Equal("breakStarts", new OpeningHours("h", DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0), null, new TimeOnly(13, 0)).Fault()?.Field);
        Assert.Equal("breakStarts", new OpeningHours("h", DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0), new TimeOnly(8, 0), new TimeOnly(9, 30)).Fault()?.Field);
        Assert.Equal("breakStarts", new OpeningHours("h", DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0), new TimeOnly(13, 0), new TimeOnly(12, 0)).Fault()?.Field);
        Assert.Equal("closes", new OpeningHours("h", DayOfWeek.Monday, new TimeOnly(17, 0), new TimeOnly(9, 0)).Fault()?.Field);
        Assert.Null(new OpeningHours("h", DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0)).Fault());
    }

    [Fact]
    public async Task ALunchBreakSetThroughTheApiHasNoSlotsNoTicketsAndSaysWhenItReopens()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 10));
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var manager = await app.SignedInAsync("manager");
        var anyone = app.CreateClient();
        string Put(object hours) => System.Text.Json.JsonSerializer.Serialize(new { hours = new[] { hours } });
        async Task<HttpResponseMessage> SetAsync(object hours) =>
            await manager.PutAsync($"/api/halls/{Demo.City}/calendar/hours", new StringContent(Put(hours), System.Text.Encoding.UTF8, "application/json"));

        // Bad breaks are refused naming the field, and change nothing.
        foreach (var (hours, field) in new (object, string)[]
        {
            (new { weekday = "monday", opens = "09:00", closes = "17:00", breakStarts = "12:00" }, "hours[0].breakEnds"),
            (new { weekday = "monday", opens = "09:00", closes = "17:00", breakStarts = "08:00", breakEnds = "09:30" }, "hours[0].breakStarts"),
            (new { weekday = "monday", opens = "09:00", closes = "17:00", breakStarts = "13:30", breakEnds = "12:00" }, "hours[0].breakStarts"),
            (new { weekday = "monday", opens = "09:00", closes = "17:00", breakStarts = "noon", breakEnds = "13:30" }, "hours[0].breakStarts"),
        })
        {
            var res = await SetAsync(hours);
            Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
            Assert.Contains(field, await res.Content.ReadAsStringAsync());
        }
        Assert.Equal(16, (await anyone.SlotsAsync(Demo.SocialInsurance, "2026-11-23")).Count);

        Assert.Equal(HttpStatusCode.OK, (await SetAsync(new { weekday = "monday", opens = "09:00", closes = "17:00", breakStarts = "12:00", breakEnds = "13:30" })).StatusCode);
        var view = await anyone.GetStringAsync($"/api/halls/{Demo.City}/calendar");
        Assert.Contains("\"breakStarts\":\"12:00\"", view);
        Assert.Contains("\"breakEnds\":\"13:30\"", view);

        // 30-minute slots: six in the morning, seven after the break, none touching it.
        var slots = await anyone.SlotsAsync(Demo.SocialInsurance, "2026-11-23");
        Assert.Equal(13, slots.Count);
        Assert.DoesNotContain(slots, s => s.Start < CitizenApi.Shanghai(23, 13, 30) && s.Start.AddMinutes(30) > CitizenApi.Shanghai(23, 12));
        Assert.Contains(slots, s => s.Start == CitizenApi.Shanghai(23, 13, 30));

        // At 12:30 the kiosk is closed until 13:30 and a phone ticket is refused; at 13:30 both work again.
        clock.Set(CitizenApi.Shanghai(23, 12, 30));
        var kiosk = WebUtility.HtmlDecode(await anyone.GetStringAsync($"/kiosk/{Demo.City}"));
        Assert.Contains("id=\"closed\"", kiosk);
        Assert.Contains("2026-11-23 13:30", kiosk);
        Assert.Contains("09:00–12:00，13:30–17:00", kiosk);
        Task<HttpResponseMessage> PhoneTicket() => app.CreateClient().PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = Demo.Invoice, channel = "mobile" });
        var refused = await PhoneTicket();
        Assert.Equal("hall.closed", await refused.CodeOfAsync());
        clock.Set(CitizenApi.Shanghai(23, 13, 30));
        Assert.DoesNotContain("id=\"closed\"", await anyone.GetStringAsync($"/kiosk/{Demo.City}"));
        Assert.Equal(HttpStatusCode.Created, (await PhoneTicket()).StatusCode);
    }

    [Fact]
    public void NextYearsNoticeIsAskedForFromNovemberUntilOneOfItsDaysIsEntered()
    {
        var shipped = NationalDays.Days(2026).ToList();
        Assert.Null(NationalDays.MissingYear(new DateOnly(2026, 10, 31), shipped));
        Assert.Equal(2027, NationalDays.MissingYear(new DateOnly(2026, 11, 1), shipped));
        Assert.Equal(2027, NationalDays.MissingYear(new DateOnly(2026, 12, 7), shipped));
        // A hall's own day of next year is not the notice.
        Assert.Equal(2027, NationalDays.MissingYear(new DateOnly(2026, 12, 7), [.. shipped, new CalendarDay("h", new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦")]));
        Assert.Null(NationalDays.MissingYear(new DateOnly(2026, 12, 7), [.. shipped, new CalendarDay(CalendarDay.AllHalls, new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦")]));
    }

    [Fact]
    public async Task ANoticesHolidayIsEnteredAsOneRangeWithAnAuditEntryPerDayAndABadRangeChangesNothing()
    {
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite);
        var calendar = app.Services.GetRequiredService<HallCalendar>();
        var audit = app.Services.GetRequiredService<Queue.Silo.Audit.AuditLog>();
        await calendar.SetAllHallsDayAsync(new DateOnly(2027, 2, 10), CalendarDayKind.WorkingDay, "误录", "admin");

        var days = await calendar.SetAllHallsDaysAsync(new DateOnly(2027, 2, 6), new DateOnly(2027, 2, 14), CalendarDayKind.Holiday, "春节", "admin");
        Assert.Equal(9, days.Count);
        var stored = await calendar.AllHallsDaysAsync(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));
        Assert.Equal(Enumerable.Range(6, 9).Select(d => new DateOnly(2027, 2, d)), stored.Select(d => d.Date));
        Assert.All(stored, d => Assert.Equal((CalendarDayKind.Holiday, "春节"), (d.Kind, d.Name)));
        var entries = (await audit.ReadAsync(null, null, null)).Where(e => e.Action == "calendar.nationalDay" && e.Subject.StartsWith("day:2027-02-")).ToList();
        Assert.Equal(10, entries.Count);
        // The day entered wrongly before is recorded as it was.
        Assert.Contains(entries, e => e.Subject == "day:2027-02-10" && e.Before is { } b && b.Contains("误录") && e.After!.Contains("春节"));

        foreach (var (from, to, field) in new[] { (new DateOnly(2027, 2, 14), new DateOnly(2027, 2, 6), "to"), (new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), "to") })
        {
            var refusal = await Assert.ThrowsAsync<Queue.Silo.Engine.HallException>(() => calendar.SetAllHallsDaysAsync(from, to, CalendarDayKind.Holiday, "x", "admin"));
            Assert.True(refusal.Errors!.ContainsKey(field));
        }
        Assert.Equal(9, (await calendar.AllHallsDaysAsync(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31))).Count);
    }

    [Fact]
    public void AHallsOwnDayBeatsTheAllHallsDayOfTheSameDate()
    {
        var days = new[]
        {
            new CalendarDay("h", new DateOnly(2026, 10, 2), CalendarDayKind.WorkingDay, "本厅照常"),
            new CalendarDay(CalendarDay.AllHalls, new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "国庆节"),
            new CalendarDay(CalendarDay.AllHalls, new DateOnly(2026, 10, 2), CalendarDayKind.Holiday, "国庆节"),
            new CalendarDay(CalendarDay.AllHalls, new DateOnly(2026, 10, 10), CalendarDayKind.WorkingDay, "国庆调休"),
        };
        var cal = new WorkingCalendar(Hall, [], days);
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 10, 2)));
        Assert.Equal("本厅照常", cal.SpecialDay(new DateOnly(2026, 10, 2))!.Name);
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(3, cal.SpecialDays.Count);
    }

    [Fact]
    public async Task ANationalHolidayClosesEveryKioskRemovesSlotsAndMovesDeadlinesUnlessTheHallWorksThatDay()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 10));
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var admin = await app.SignedInAsync("admin");
        var manager = await app.SignedInAsync("manager");
        var anyone = app.CreateClient();
        Assert.NotEmpty(await anyone.SlotsAsync(Demo.SocialInsurance, "2026-11-24"));

        // The State Council's notice, entered once by an admin for all halls: Tuesday and Wednesday off.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/calendar/days/2026-11-24", new { kind = "holiday", name = "国家假日" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/halls/*/calendar/days/2026-11-24", new { kind = "holiday", name = "国家假日" })).StatusCode);
        foreach (var date in new[] { "2026-11-24", "2026-11-25" })
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/calendar/days/{date}", new { kind = "holiday", name = "国家假日" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/calendar/days/2026-11-31", new { kind = "holiday" })).StatusCode);
        Assert.Equal(2, (await anyone.GetFromJsonAsync<List<object>>("/api/calendar/days?from=2026-11-01&to=2026-11-30", ApiCalls.Json))!.Count);

        // Every hall's calendar shows them.
        var town = await anyone.GetFromJsonAsync<CalendarDto>($"/api/halls/{Demo.Town}/calendar?from=2026-11-23&to=2026-11-27", ApiCalls.Json);
        Assert.Equal(["2026-11-23", "2026-11-26", "2026-11-27"], town!.WorkingDays);
        Assert.Equal(2, town.Days.Count);

        // Booking slots: none on the holiday.
        Assert.Empty(await anyone.SlotsAsync(Demo.SocialInsurance, "2026-11-24"));
        Assert.NotEmpty(await anyone.SlotsAsync(Demo.SocialInsurance, "2026-11-26"));

        // Case deadline: 15 working days from Monday 23 November skip both holidays (16 December, not 14).
        var staff = await app.SignedInAsync("staff07");
        var citizen = app.CreateClient();
        var ticket = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(ticket, "dissatisfied", ["等候时间长"], "等了很久");
        Assert.Equal(new DateOnly(2026, 12, 16), (await (await app.SignedInAsync("evaluator")).CaseOfAsync(ticket.Id)).DeadlineDay);

        // The kiosk: open on Monday, closed on the national holiday, in every hall.
        Assert.DoesNotContain("id=\"closed\"", await anyone.GetStringAsync($"/kiosk/{Demo.City}"));
        clock.Set(CitizenApi.Shanghai(24, 10));
        Assert.Contains("id=\"closed\"", await anyone.GetStringAsync($"/kiosk/{Demo.City}"));
        Assert.Contains("id=\"closed\"", await anyone.GetStringAsync($"/kiosk/{Demo.Town}"));
        // Phone tickets too: the refusal also leaves this node's recent copy of the city's calendar in memory.
        Task<HttpResponseMessage> PhoneTicket() => app.CreateClient().PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = Demo.Invoice, channel = "mobile" });
        Assert.Equal("hall.closed", await (await PhoneTicket()).CodeOfAsync());

        // The city hall works Tuesday anyway (its own 调休 entry beats the national one); the town stays closed.
        (admin, manager) = (await app.SignedInAsync("admin"), await app.SignedInAsync("manager")); // a day later: fresh bearer tokens
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/days/2026-11-24", new { kind = "workingDay", name = "本厅照常" })).StatusCode);
        // The edit replaces that copy at once: a phone ticket right after it is issued (decision 0073).
        Assert.Equal(HttpStatusCode.Created, (await PhoneTicket()).StatusCode);
        Assert.DoesNotContain("id=\"closed\"", await anyone.GetStringAsync($"/kiosk/{Demo.City}"));
        Assert.Contains("id=\"closed\"", await anyone.GetStringAsync($"/kiosk/{Demo.Town}"));
        Assert.NotEmpty(await anyone.SlotsAsync(Demo.SocialInsurance, "2026-11-24"));
        var workingDays = app.Services.GetRequiredService<IWorkingDays>();
        Assert.Equal(new DateOnly(2026, 12, 15), await workingDays.AddWorkingDaysAsync(Demo.City, new DateOnly(2026, 11, 23), 15));
        Assert.Equal(new DateOnly(2026, 12, 16), await workingDays.AddWorkingDaysAsync(Demo.Town, new DateOnly(2026, 11, 23), 15));

        // Removing the national day reopens the town; the admin's delete leaves the hall's own entry.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/calendar/days/2026-11-24")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/calendar/days/2026-11-24")).StatusCode);
        Assert.DoesNotContain("id=\"closed\"", await anyone.GetStringAsync($"/kiosk/{Demo.Town}"));
        var city = await anyone.GetFromJsonAsync<CalendarDto>($"/api/halls/{Demo.City}/calendar?from=2026-11-24&to=2026-11-24", ApiCalls.Json);
        Assert.Equal(["2026-11-24"], city!.WorkingDays);
    }

    private sealed record CalendarDto(bool OpenNow, List<string> WorkingDays, List<object> Days);
}
