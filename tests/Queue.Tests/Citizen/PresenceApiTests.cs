using System.Net;
using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Citizen;

/// <summary>到厅签到: phone tickets wait "not arrived" until the hall's rotating presence code is scanned.</summary>
public sealed class PresenceApiTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task PhoneTicketIsPassedOverUntilItsHolderArrivesAndThenKeepsItsPlace(StorageKind storage)
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 9));
        await using var app = await QueueApp.StartAsync(storage, CitizenApi.Settings(), clock);
        var phone = app.CreateClient();
        var staff = await app.SignedInAsync("staff14");

        var remote = await phone.IssueAsync(Demo.Invoice, channel: "mobile");
        clock.Advance(TimeSpan.FromMinutes(1));
        var walkIn1 = await app.CreateClient().IssueAsync(Demo.Invoice);
        var walkIn2 = await app.CreateClient().IssueAsync(Demo.Invoice);
        var read = await phone.GetFromJsonAsync<TicketStatus>($"/api/tickets/{remote.Id}?token={remote.Token}", ApiCalls.Json);
        Assert.Null(read!.ArrivedAt);

        // Not arrived: the window calls the walk-in behind it.
        Assert.Equal(walkIn1.Id, (await (await staff.WindowAsync(14, "call-next")).ReadAsync<TicketDto>()).Id);
        await staff.WindowAsync(14, "start");
        await staff.WindowAsync(14, "complete", new { outcome = "done" });

        clock.Advance(TimeSpan.FromMinutes(5));
        var code = await phone.PresenceCodeAsync();
        Assert.StartsWith($"http", code.Url);
        Assert.Contains($"/p/{Demo.City}?c=", code.Url);
        var arrived = await phone.ArriveAsync(remote, code.Code);
        Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
        Assert.NotNull((await arrived.ReadAsync<TicketStatus>()).ArrivedAt);
        Assert.Equal(HttpStatusCode.OK, (await phone.ArriveAsync(remote, code.Code)).StatusCode); // scanning twice is harmless

        // Within the grace period it is back at its original place: ahead of walk-in 2.
        Assert.Equal(remote.Id, (await (await staff.WindowAsync(14, "call-next")).ReadAsync<TicketDto>()).Id);
        _ = walkIn2;
    }

    [Fact]
    public async Task PhoneTicketArrivingAfterTheGracePeriodQueuesFromItsArrival()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 9));
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var phone = app.CreateClient();
        var staff = await app.SignedInAsync("staff14");
        var remote = await phone.IssueAsync(Demo.Invoice, channel: "mobile");
        await app.CreateClient().IssueAsync(Demo.Invoice);
        await staff.WindowAsync(14, "call-next");
        await staff.WindowAsync(14, "start");
        await staff.WindowAsync(14, "complete", new { outcome = "done" });

        clock.Advance(TimeSpan.FromMinutes(16)); // the default grace is 15 minutes
        var walkIn = await app.CreateClient().IssueAsync(Demo.Invoice);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await phone.ArriveAsync(remote, (await phone.PresenceCodeAsync()).Code)).StatusCode);
        Assert.Equal(walkIn.Id, (await (await staff.WindowAsync(14, "call-next")).ReadAsync<TicketDto>()).Id);
        await staff.WindowAsync(14, "start");
        await staff.WindowAsync(14, "complete", new { outcome = "done" });
        Assert.Equal(remote.Id, (await (await staff.WindowAsync(14, "call-next")).ReadAsync<TicketDto>()).Id);
    }

    [Fact]
    public async Task ForgedExpiredAndOtherHallsPresenceCodesAreRefused()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 9));
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var phone = app.CreateClient();
        var remote = await phone.IssueAsync(Demo.Invoice, channel: "mobile");
        var code = (await phone.PresenceCodeAsync()).Code;

        var forged = await phone.ArriveAsync(remote, code[..^2] + (code[^2..] == "AA" ? "BB" : "AA"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("presence.forged", await forged.CodeOfAsync());
        Assert.Equal("presence.forged", await (await phone.ArriveAsync(remote, (await phone.PresenceCodeAsync(Demo.Town)).Code)).CodeOfAsync());
        Assert.Equal("presence.forged", await (await phone.ArriveAsync(remote, "nonsense")).CodeOfAsync());
        var future = $"{long.Parse(code.Split('.')[0]) + 5}.{code.Split('.')[1]}";
        Assert.Equal("presence.forged", await (await phone.ArriveAsync(remote, future)).CodeOfAsync());

        // Still good half a minute later (the wall refreshes it), useless a minute later (a photo taken earlier).
        clock.Advance(TimeSpan.FromSeconds(30));
        var photographed = code;
        clock.Advance(TimeSpan.FromSeconds(35));
        var expired = await phone.ArriveAsync(remote, photographed);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("presence.expired", await expired.CodeOfAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await phone.PostAsJsonAsync($"/api/tickets/{remote.Id}/arrive", new { token = "stolen", code })).StatusCode);

        var read = await phone.GetFromJsonAsync<TicketStatus>($"/api/tickets/{remote.Id}?token={remote.Token}", ApiCalls.Json);
        Assert.Null(read!.ArrivedAt);

        var png = await phone.GetAsync($"/api/halls/{Demo.City}/presence-qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/api/halls/nowhere/presence-qr.png")).StatusCode);
    }

    [Fact]
    public async Task PresenceCodeIsServedOnlyToTheHallNetworkWhenOneIsConfigured()
    {
        var settings = CitizenApi.Settings();
        settings["Presence:DisplayNetworks:0"] = "10.20.0.0/16";
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, settings);
        var res = await app.CreateClient().GetAsync($"/api/halls/{Demo.City}/presence-qr.png");
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
    }

    private sealed record TicketStatus(Guid Id, string Status, DateTimeOffset? ArrivedAt);
}
