using System.Net;
using System.Net.Http.Json;
using Queue.Silo.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Setup;

/// <summary>The State Council's 2026 notice ships as data: loaded on first start, in every hall's calendar, editable by an admin.</summary>
public sealed class NationalDaysTests
{
    private sealed record DayDto(DateOnly Date, string Kind, string Name, bool AllHalls);
    private sealed record CalendarDto(List<DateOnly> WorkingDays, List<DayDto> Days);

    [Fact]
    public void TheNoticeOf2026HasItsThirtyThreeDaysOffAndSixMakeUpWorkingDays()
    {
        var days = NationalDays.Days(2026).ToList();
        // 2026: 33 days of 放假调休 in all (3 + 9 + 3 + 5 + 3 + 3 + 7), and six Saturdays or Sundays worked.
        Assert.Equal(33, days.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal([new DateOnly(2026, 1, 4), new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 28), new DateOnly(2026, 5, 9), new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)],
            days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date));
        Assert.All(days.Where(d => d.Kind == CalendarDayKind.WorkingDay), d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
    }

    [Fact]
    public async Task AFreshHallInheritsTheNationalDaysAndAnAdminsEditStandsAfterARestart()
    {
        await using var app = await SetupCalls.FreshAsync();
        var admin = await app.FirstAdminAsync();
        await (await admin.PostAsJsonAsync("/api/halls", new { id = "haimen", name = "海门区政务服务中心", level = "city", regionCode = "320684" })).JsonAsync(HttpStatusCode.Created);
        var october = (await app.CreateClient().GetFromJsonAsync<CalendarDto>("/api/halls/haimen/calendar?from=2026-09-28&to=2026-10-11", ApiCalls.Json))!;
        Assert.Equal([new DateOnly(2026, 9, 28), new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 10)],
            october.WorkingDays);
        Assert.Contains(october.Days, d => d.Date == new DateOnly(2026, 10, 1) && d.Name == "国庆节" && d.AllHalls);

        // An admin's correction is kept: loading happens only into a year without national days.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/calendar/days/2026-10-07")).StatusCode);
        await app.Services.GetRequiredService<NationalDays>().LoadMissingAsync();
        var after = (await app.CreateClient().GetFromJsonAsync<List<DayDto>>("/api/calendar/days?from=2026-10-01&to=2026-10-31", ApiCalls.Json))!;
        Assert.DoesNotContain(after, d => d.Date == new DateOnly(2026, 10, 7));
    }
}
