using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Calendar;
using Queue.Silo.Ratings;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>
/// Bad-review deadlines count the hall calendar's working days: weekends off, holidays off (national and the
/// hall's own), 调休 make-up days on — the same days as slots and the kiosk (decision 0065).
/// </summary>
public sealed class WorkingDayTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task DeadlinesSkipWeekendsAndHolidaysAndCountMakeUpDays(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var workingDays = app.Services.GetRequiredService<IWorkingDays>();
        Assert.IsType<HallWorkingDays>(workingDays);
        var calendar = app.Services.GetRequiredService<HallCalendar>();

        Assert.Equal(new DateOnly(2026, 11, 23), await workingDays.AddWorkingDaysAsync(Demo.City, Friday, 1));
        Assert.Equal(new DateOnly(2026, 12, 11), await workingDays.AddWorkingDaysAsync(Demo.City, Friday, 15));
        Assert.Equal(Friday, await workingDays.AddWorkingDaysAsync(Demo.City, Friday, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => workingDays.AddWorkingDaysAsync(Demo.City, Friday, -1));

        // A national holiday on Monday moves the next working day to Tuesday, for every hall.
        await calendar.SetAllHallsDayAsync(new DateOnly(2026, 11, 23), CalendarDayKind.Holiday, "假日", "admin");
        Assert.Equal(new DateOnly(2026, 11, 24), await workingDays.AddWorkingDaysAsync(Demo.City, Friday, 1));
        Assert.Equal(new DateOnly(2026, 12, 14), await workingDays.AddWorkingDaysAsync(Demo.City, Friday, 15));
        Assert.False(await workingDays.IsWorkingDayAsync(Demo.Town, new DateOnly(2026, 11, 23)));

        // A make-up Saturday (调休) of this hall only is a working day for it, not for the others.
        await calendar.SetDayAsync(Demo.City, new DateOnly(2026, 11, 21), CalendarDayKind.WorkingDay, "调休上班", "manager");
        Assert.Equal(new DateOnly(2026, 11, 21), await workingDays.AddWorkingDaysAsync(Demo.City, Friday, 1));
        Assert.Equal(new DateOnly(2026, 11, 24), await workingDays.AddWorkingDaysAsync(Demo.Town, Friday, 1));

        // The hall's own entry beats the all-halls one.
        await calendar.SetDayAsync(Demo.City, new DateOnly(2026, 11, 23), CalendarDayKind.WorkingDay, "本厅照常", "manager");
        Assert.True(await workingDays.IsWorkingDayAsync(Demo.City, new DateOnly(2026, 11, 23)));
        Assert.Equal(2, await workingDays.WorkingDaysBetweenAsync(Demo.City, Friday, new DateOnly(2026, 11, 23)));
        Assert.Equal(0, await workingDays.WorkingDaysBetweenAsync(Demo.Town, Friday, new DateOnly(2026, 11, 23)));
        Assert.Equal(-2, await workingDays.WorkingDaysBetweenAsync(Demo.City, new DateOnly(2026, 11, 23), Friday));
        Assert.Equal(0, await workingDays.WorkingDaysBetweenAsync(Demo.City, Friday, Friday));

        // Removing the hall's entry gives the date back to the national calendar.
        await calendar.RemoveDayAsync(Demo.City, new DateOnly(2026, 11, 23), "manager");
        Assert.False(await workingDays.IsWorkingDayAsync(Demo.City, new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public async Task BadRatingOpensACaseDueAfterTheHallsWorkingDaysSkippingHolidays()
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(clock: clock);
        // The admin enters a national holiday, the hall's manager a local closing day: the deadline skips both.
        var admin = await app.SignedInAsync("admin");
        (await admin.PutAsJsonAsync("/api/calendar/days/2026-12-01", new { kind = "holiday", name = "假日" })).EnsureSuccessStatusCode();
        var manager = await app.SignedInAsync("manager");
        (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/days/2026-12-02", new { kind = "holiday", name = "设备检修闭馆" })).EnsureSuccessStatusCode();
        var evaluator = await app.SignedInAsync("evaluator");
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(ticket, "dissatisfied", ["等候时间长"], "等了很久");

        var c = await evaluator.CaseOfAsync(ticket.Id);
        Assert.Equal("opened", c.State);
        Assert.Equal(new DateOnly(2026, 12, 15), c.DeadlineDay);
        var open = Assert.Single(c.Steps);
        Assert.Equal(("open", "system"), (open.Action, open.ActorId));
        Assert.Contains("等了很久", open.Note);
    }
}
