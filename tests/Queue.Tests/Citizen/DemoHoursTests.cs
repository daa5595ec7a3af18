using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Citizen;

/// <summary>The demo halls keep office hours with a lunch break, as a real centre does (issue 15, decision 0107).</summary>
public sealed class DemoHoursTests
{
    [Fact]
    public async Task TheDemoHallsOpenOnOfficeHoursCloseForLunchAndTheCityCentreWorksSaturdayMornings()
    {
        // Monday 23 November 2026, 10:00 in Shanghai; the demo with its default hours.
        var clock = new ManualClock(CitizenApi.Shanghai(23, 10));
        var settings = CitizenApi.Settings();
        settings["Demo:OpeningHours"] = "true";
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, settings, clock);
        var anyone = app.CreateClient();

        async Task<JsonElement> CalendarAsync(string hall) => JsonDocument.Parse(await anyone.GetStringAsync($"/api/halls/{hall}/calendar")).RootElement;
        string Week(JsonElement calendar) => string.Join(" ", calendar.GetProperty("hours").EnumerateArray().Select(h =>
            $"{h.GetProperty("weekday").GetString()} {h.GetProperty("opens").GetString()}-{h.GetProperty("closes").GetString()}" +
            (h.GetProperty("breakStarts").GetString() is { } b ? $"/{b}-{h.GetProperty("breakEnds").GetString()}" : "")));
        const string weekdays = "monday {0} tuesday {0} wednesday {0} thursday {0} friday {0}";
        Assert.Equal(string.Format(weekdays, "09:00-17:00/12:00-13:30") + " saturday 09:00-12:00", Week(await CalendarAsync(Demo.City)));
        Assert.Equal(string.Format(weekdays, "08:30-17:30/12:00-14:00"), Week(await CalendarAsync(Demo.Town)));
        Assert.Equal(string.Format(weekdays, "08:30-17:00/12:00-14:00"), Week(await CalendarAsync(Demo.Village)));
        Assert.True((await CalendarAsync(Demo.City)).GetProperty("openNow").GetBoolean());

        Task<HttpResponseMessage> PhoneTicket(string hall, string service) =>
            app.CreateClient().PostAsJsonAsync($"/api/halls/{hall}/tickets", new { serviceId = service, channel = "mobile" });
        Assert.Equal(HttpStatusCode.Created, (await PhoneTicket(Demo.City, Demo.Invoice)).StatusCode);

        // Lunch: the city centre reopens at 13:30, the town centre at 14:00.
        clock.Set(CitizenApi.Shanghai(23, 12, 45));
        var kiosk = WebUtility.HtmlDecode(await anyone.GetStringAsync($"/kiosk/{Demo.City}"));
        Assert.Contains("id=\"closed\"", kiosk);
        Assert.Contains("2026-11-23 13:30", kiosk);
        Assert.Equal("hall.closed", await (await PhoneTicket(Demo.City, Demo.Invoice)).CodeOfAsync());
        Assert.Contains("2026-11-23 14:00", WebUtility.HtmlDecode(await anyone.GetStringAsync($"/kiosk/{Demo.Town}")));

        // Evening: closed until Tuesday morning.
        clock.Set(CitizenApi.Shanghai(23, 17, 5));
        Assert.Contains("2026-11-24 09:00", WebUtility.HtmlDecode(await anyone.GetStringAsync($"/kiosk/{Demo.City}")));

        // Saturday morning: the city centre serves, the town centre is closed until Monday.
        clock.Set(CitizenApi.Shanghai(28, 10));
        Assert.Equal(HttpStatusCode.Created, (await PhoneTicket(Demo.City, Demo.Invoice)).StatusCode);
        var town = WebUtility.HtmlDecode(await anyone.GetStringAsync($"/kiosk/{Demo.Town}"));
        Assert.Contains("id=\"closed\"", town);
        Assert.Contains("2026-11-30 08:30", town);
    }
}
