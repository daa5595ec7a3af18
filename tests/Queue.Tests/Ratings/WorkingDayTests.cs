using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Ratings;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>Bad-review deadlines count working days: weekends off, holidays off, 调休 make-up days on.</summary>
public sealed class WorkingDayTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task DeadlinesSkipWeekendsAndHolidaysAndCountMakeUpDays(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var calendar = app.Services.GetRequiredService<RatingCalendar>();

        Assert.Equal(new DateOnly(2026, 11, 23), await calendar.AddWorkingDaysAsync(Demo.City, Friday, 1));
        Assert.Equal(new DateOnly(2026, 12, 11), await calendar.AddWorkingDaysAsync(Demo.City, Friday, 15));

        // A national holiday on Monday moves the next working day to Tuesday, for every hall.
        await calendar.SetDayAsync(CalendarDay.AllHalls, new DateOnly(2026, 11, 23), working: false, "假日");
        Assert.Equal(new DateOnly(2026, 11, 24), await calendar.AddWorkingDaysAsync(Demo.City, Friday, 1));
        Assert.Equal(new DateOnly(2026, 12, 14), await calendar.AddWorkingDaysAsync(Demo.City, Friday, 15));
        Assert.False(await calendar.IsWorkingDayAsync(Demo.Town, new DateOnly(2026, 11, 23)));

        // A make-up Saturday (调休) of this hall only is a working day for it, not for the others.
        await calendar.SetDayAsync(Demo.City, new DateOnly(2026, 11, 21), working: true, "调休上班");
        Assert.Equal(new DateOnly(2026, 11, 21), await calendar.AddWorkingDaysAsync(Demo.City, Friday, 1));
        Assert.Equal(new DateOnly(2026, 11, 24), await calendar.AddWorkingDaysAsync(Demo.Town, Friday, 1));

        // The hall's own entry beats the all-halls one.
        await calendar.SetDayAsync(Demo.City, new DateOnly(2026, 11, 23), working: true, "本厅照常");
        Assert.True(await calendar.IsWorkingDayAsync(Demo.City, new DateOnly(2026, 11, 23)));
        Assert.Equal(2, await calendar.WorkingDaysBetweenAsync(Demo.City, Friday, new DateOnly(2026, 11, 23)));
        Assert.Equal(0, await calendar.WorkingDaysBetweenAsync(Demo.Town, Friday, new DateOnly(2026, 11, 23)));
        Assert.Equal(-2, await calendar.WorkingDaysBetweenAsync(Demo.City, new DateOnly(2026, 11, 23), Friday));
    }

    [Fact]
    public async Task BadRatingOpensACaseDueAfterTheHallsWorkingDaysSkippingHolidays()
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(clock: clock);
        await app.Services.GetRequiredService<RatingCalendar>().SetDayAsync(CalendarDay.AllHalls, new DateOnly(2026, 12, 1), working: false, "假日");
        // The hall enters a local closing day through the API; the case deadline skips it too.
        var evaluator = await app.SignedInAsync("evaluator");
        (await evaluator.PutAsJsonAsync($"/api/rating-calendar/{Demo.City}/2026-12-02", new { working = false, name = "设备检修闭馆" })).EnsureSuccessStatusCode();
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
