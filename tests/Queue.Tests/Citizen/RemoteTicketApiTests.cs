using System.Net;
using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Citizen;

/// <summary>Phone tickets: one active per phone and service, refused when the hall is closed, rate-limited.</summary>
public sealed class RemoteTicketApiTests
{
    [Fact]
    public async Task APhoneHoldsOneActiveRemoteTicketPerService()
    {
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), new ManualClock(CitizenApi.Shanghai(23, 10)));
        var phone = app.CreateClient(new() { HandleCookies = true });
        var first = await phone.IssueAsync(Demo.Invoice, channel: "mobile");

        var second = await phone.PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = Demo.Invoice, channel = "mobile" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("ticket.onePerPhone", await second.CodeOfAsync());
        // Another service is fine; so is another phone; so is the same service once the first ticket is cancelled.
        await phone.IssueAsync(Demo.SocialInsurance, channel: "mobile");
        await app.CreateClient(new() { HandleCookies = true }).IssueAsync(Demo.Invoice, channel: "mobile");
        Assert.Equal(HttpStatusCode.OK, (await phone.DeleteAsync($"/api/tickets/{first.Id}?token={first.Token}")).StatusCode);
        await phone.IssueAsync(Demo.Invoice, channel: "mobile");
        // A replayed token cannot cancel twice.
        Assert.Equal(HttpStatusCode.Conflict, (await phone.DeleteAsync($"/api/tickets/{first.Id}?token={first.Token}")).StatusCode);

        // An app without cookies names its device in a header.
        var app1 = app.CreateClient();
        app1.DefaultRequestHeaders.Add("X-Device-Id", "device-0123456789abcdef");
        await app1.IssueAsync(Demo.Invoice, channel: "mobile");
        Assert.Equal(HttpStatusCode.Conflict, (await app1.PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = Demo.Invoice, channel = "mobile" })).StatusCode);
    }

    [Fact]
    public async Task ScriptedMassTicketTakingIsStoppedWithTooManyRequests()
    {
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?> { ["RateLimits:TicketsPerMinute"] = "5" },
            new ManualClock(CitizenApi.Shanghai(23, 10)));
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            // A script that drops its cookies gets a new device id every time; the per-client limit still holds.
            var script = app.CreateClient();
            codes.Add((await script.PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = Demo.Invoice, channel = "mobile" })).StatusCode);
        }
        Assert.Equal(5, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(7, codes.Count(c => c == HttpStatusCode.TooManyRequests));
        var form = await app.CreateClient().PostAsync($"/m/{Demo.City}/tickets", new FormUrlEncodedContent([new("serviceId", Demo.Invoice)]));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
    }

    [Fact]
    public async Task RemoteTicketsAreRefusedWhileTheHallIsClosed()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 10));
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var manager = await app.SignedInAsync("manager");
        var hours = Enumerable.Range(1, 5).Select(d => new { weekday = ((DayOfWeek)d).ToString().ToLowerInvariant(), opens = "09:00", closes = "17:00" });
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/hours", new { hours })).StatusCode);

        clock.Set(CitizenApi.Shanghai(23, 18));
        var closed = await app.CreateClient().PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = Demo.Invoice, channel = "mobile" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        var problem = await closed.ProblemAsync();
        Assert.Equal("hall.closed", problem.Code);
        Assert.Contains("2026-11-24 09:00", problem.Detail);
    }
}
