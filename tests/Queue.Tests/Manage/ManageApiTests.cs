using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Manage;

/// <summary>The manager console's API: supervision alerts, their acknowledgement log, rebalancing advice.</summary>
public sealed class ManageApiTests
{
    private const string Construction = "jc-civic-construction-permit";

    [Fact]
    public async Task LongWaitTurnsYellowThenRedAndAcknowledgingKeepsItInTheLog()
    {
        var clock = ConsoleClock.InOpeningHours();
        await using var app = await QueueApp.StartAsync(clock: clock);
        var manager = await app.SignedInAsync("manager");
        var ticket = await app.CreateClient().IssueAsync(Construction);
        // Every window that could serve it is closed, so it simply waits.
        foreach (var n in new[] { 1, 2, 3, 4, 10, 11 }) (await manager.WindowAsync(n, "close")).EnsureSuccessStatusCode();

        clock.Advance(TimeSpan.FromMinutes(16));
        var wait = Single(await Alerts(manager), $"wait:{ticket.Id}");
        Assert.Equal("yellow", wait.GetProperty("level").GetString());
        Assert.Equal("red", Episode(await Alerts(manager), "closed", 11).GetProperty("level").GetString());

        var ack = await manager.PostAsJsonAsync($"/api/halls/{Demo.City}/alerts/acknowledge", new { key = $"wait:{ticket.Id}" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var after = await Alerts(manager);
        Assert.DoesNotContain(after.GetProperty("active").EnumerateArray(), a => a.GetProperty("key").GetString() == $"wait:{ticket.Id}");
        var logged = Assert.Single(after.GetProperty("log").EnumerateArray());
        Assert.Equal("manager", logged.GetProperty("acknowledgedBy").GetString());

        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal("red", Single(await Alerts(manager), $"wait:{ticket.Id}").GetProperty("level").GetString());
    }

    [Fact]
    public async Task IdleWindowAndOverlongServiceRaiseAlerts()
    {
        var clock = ConsoleClock.InOpeningHours();
        await using var app = await QueueApp.StartAsync(clock: clock);
        var manager = await app.SignedInAsync("manager");
        await app.CreateClient().IssueAsync(Demo.Invoice);
        var served = await app.CreateClient().IssueAsync(Demo.Invoice);
        (await manager.WindowAsync(14, "call-next")).EnsureSuccessStatusCode();
        (await manager.WindowAsync(14, "start")).EnsureSuccessStatusCode();

        clock.Advance(TimeSpan.FromMinutes(3));
        var alerts = await Alerts(manager);
        Assert.Equal("yellow", Episode(alerts, "idle", 15).GetProperty("level").GetString());
        clock.Advance(TimeSpan.FromMinutes(25));
        alerts = await Alerts(manager);
        Assert.Equal("red", Episode(alerts, "idle", 15).GetProperty("level").GetString());
        Assert.Contains(alerts.GetProperty("active").EnumerateArray(), a => a.GetProperty("kind").GetString() == "serviceOverNorm");
        Assert.NotNull(served);
    }

    [Fact]
    public async Task AnAcknowledgedIdleWindowAlertCoversItsEpisodeOnlyAndTheNextIdleSpellAsksAgain()
    {
        var clock = ConsoleClock.InOpeningHours();
        await using var app = await QueueApp.StartAsync(clock: clock);
        var manager = await app.SignedInAsync("manager");
        await app.CreateClient().IssueAsync(Demo.Invoice);
        await app.CreateClient().IssueAsync(Demo.Invoice);
        (await manager.WindowAsync(14, "call-next")).EnsureSuccessStatusCode();
        (await manager.WindowAsync(14, "start")).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(3));
        var first = Episode(await Alerts(manager), "idle", 15).GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/halls/{Demo.City}/alerts/acknowledge", new { key = first })).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(Live(await Alerts(manager), "idle", 15)); // the same episode stays acknowledged

        // Window 15 calls and serves, then idles again while a new ticket it could call waits: a new episode.
        (await manager.WindowAsync(15, "call-next")).EnsureSuccessStatusCode();
        (await manager.WindowAsync(15, "start")).EnsureSuccessStatusCode();
        (await manager.WindowAsync(15, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
        await app.CreateClient().IssueAsync(Demo.Invoice);
        clock.Advance(TimeSpan.FromMinutes(3));
        var again = Episode(await Alerts(manager), "idle", 15);
        Assert.Equal("yellow", again.GetProperty("level").GetString());
        Assert.NotEqual(first, again.GetProperty("key").GetString());
    }

    [Fact]
    public async Task AnAcknowledgedClosedWindowAlertComesBackWhenTheWindowClosesAgainLater()
    {
        var clock = ConsoleClock.InOpeningHours();
        await using var app = await QueueApp.StartAsync(clock: clock);
        var manager = await app.SignedInAsync("manager");
        foreach (var n in new[] { 1, 2, 3, 4, 10, 11 }) (await manager.WindowAsync(n, "close")).EnsureSuccessStatusCode();
        await app.CreateClient().IssueAsync(Construction);
        clock.Advance(TimeSpan.FromMinutes(3));
        var first = Episode(await Alerts(manager), "closed", 11).GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/halls/{Demo.City}/alerts/acknowledge", new { key = first })).StatusCode);
        Assert.Null(Live(await Alerts(manager), "closed", 11));

        // Window 11 opens, serves the ticket and closes again; a later ticket finds it closed: a new episode.
        (await manager.WindowAsync(11, "open")).EnsureSuccessStatusCode();
        (await manager.WindowAsync(11, "call-next")).EnsureSuccessStatusCode();
        (await manager.WindowAsync(11, "start")).EnsureSuccessStatusCode();
        (await manager.WindowAsync(11, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
        (await manager.WindowAsync(11, "close")).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(30));
        await app.CreateClient().IssueAsync(Construction);
        clock.Advance(TimeSpan.FromMinutes(3));
        var again = Episode(await Alerts(manager), "closed", 11);
        Assert.Equal("yellow", again.GetProperty("level").GetString());
        Assert.NotEqual(first, again.GetProperty("key").GetString());
        // The log still holds the first episode's acknowledgement, under its own key.
        Assert.Equal(first, Assert.Single((await Alerts(manager)).GetProperty("log").EnumerateArray()).GetProperty("key").GetString());
    }

    [Fact]
    public async Task AdviceAddsTheOverloadedThemeToAWindowWithAPredictedGain()
    {
        var clock = ConsoleClock.InOpeningHours();
        await using var app = await QueueApp.StartAsync(clock: clock);
        var manager = await app.SignedInAsync("manager");
        foreach (var n in new[] { 1, 2, 3, 4, 10 }) (await manager.WindowAsync(n, "close")).EnsureSuccessStatusCode();
        var citizen = app.CreateClient();
        for (var i = 0; i < 12; i++) await citizen.IssueAsync(Construction);

        var advice = await manager.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}/advice");
        var first = advice.GetProperty("items").EnumerateArray().First();
        Assert.Equal("工程建设类", first.GetProperty("category").GetString());
        Assert.True(first.GetProperty("add").GetBoolean());
        Assert.True(first.GetProperty("meanWaitAfter").GetDouble() < first.GetProperty("meanWaitBefore").GetDouble());
        Assert.Contains("→", first.GetProperty("text").GetString());
    }

    [Fact]
    public async Task OnlyManagersOfTheHallSeeTheConsoleApi()
    {
        await using var app = await QueueApp.StartAsync();
        var staff = await app.SignedInAsync("staff07");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/halls/{Demo.City}/advice")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/halls/{Demo.City}/alerts")).StatusCode);
        var manager = await app.SignedInAsync("manager");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/halls/{Demo.City}/alerts/acknowledge", new { key = "wait:nothing" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/halls/{Demo.City}/alerts/acknowledge", new { key = "" })).StatusCode);
        // An unknown hall is 404 before anyone's rights are asked (hall ids are public; decision 0085).
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/halls/no-such-hall/overview")).StatusCode);
        var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/halls/no-such-hall/overview")).StatusCode);
        var overview = await manager.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}/overview");
        Assert.Equal(16, overview.GetProperty("overview").GetProperty("windows").GetArrayLength());
    }

    private static async Task<JsonElement> Alerts(HttpClient manager) =>
        await manager.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}/alerts");

    /// <summary>The one live idle or closed alert of window <paramref name="n"/>, whatever episode its key names.</summary>
    private static JsonElement Episode(JsonElement alerts, string kind, int n) =>
        Assert.Single(alerts.GetProperty("active").EnumerateArray(), a => IsOf(a, kind, n));

    private static JsonElement? Live(JsonElement alerts, string kind, int n) =>
        alerts.GetProperty("active").EnumerateArray().Where(a => IsOf(a, kind, n)).Select(a => (JsonElement?)a).SingleOrDefault();

    // Keys are `idle:{windowId}` / `closed:{windowId}` and, since decision 0078, the episode after a colon.
    private static bool IsOf(JsonElement alert, string kind, int n)
    {
        var key = alert.GetProperty("key").GetString()!;
        return key == $"{kind}:{Demo.Window(n)}" || key.StartsWith($"{kind}:{Demo.Window(n)}:", StringComparison.Ordinal);
    }

    private static JsonElement Single(JsonElement alerts, string key) =>
        Assert.Single(alerts.GetProperty("active").EnumerateArray(), a => a.GetProperty("key").GetString() == key);
}
