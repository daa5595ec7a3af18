using System.Net;
using System.Net.Http.Json;
using Queue.Silo.Accounts;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Setup;

/// <summary>
/// A manager or evaluator bound to a hall acts on it and the halls below it on every route, the older floor and
/// rating routes too — not only the administration of issue 15 — and never on a hall above or beside it.
/// </summary>
public sealed class HallTreeRightsTests
{
    [Fact]
    public async Task ACityManagerWorksTheTownAndVillageATownManagerTheVillageButNotTheCity()
    {
        await using var app = await QueueApp.StartAsync();
        await app.AddAccountAsync("donghu-manager", Role.Manager, "东湖主任", Demo.Town);
        var city = await app.SignedInAsync("manager");
        var town = await app.SignedInAsync("donghu-manager");
        var evaluator = await app.SignedInAsync("evaluator");

        // The manager console's overview, a window's desk and the window scores: older routes that checked the home hall only.
        foreach (var (client, hall, expected) in new (HttpClient, string, HttpStatusCode)[]
        {
            (city, Demo.City, HttpStatusCode.OK), (city, Demo.Town, HttpStatusCode.OK), (city, Demo.Village, HttpStatusCode.OK),
            (town, Demo.Town, HttpStatusCode.OK), (town, Demo.Village, HttpStatusCode.OK), (town, Demo.City, HttpStatusCode.Forbidden),
        })
        {
            Assert.True(expected == (await client.GetAsync($"/api/halls/{hall}/overview")).StatusCode, $"overview of {hall}");
            Assert.True(expected == (await client.GetAsync($"/api/halls/{hall}/windows/{Demo.Window(1, hall)}")).StatusCode, $"desk of {hall}");
            Assert.True(expected == (await client.GetAsync($"/api/halls/{hall}/rating-scores")).StatusCode, $"scores of {hall}");
        }
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/halls/{Demo.Village}/rating-scores")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/ratings?hallId={Demo.Town}")).StatusCode);

        // A change through an older route: the city manager closes and reopens a village window.
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsync($"/api/halls/{Demo.Village}/windows/{Demo.Window(2, Demo.Village)}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsync($"/api/halls/{Demo.Village}/windows/{Demo.Window(2, Demo.Village)}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(2)}/close", null)).StatusCode);

        // A hall created under the town is the town manager's at once.
        var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/halls",
            new { id = "jc-donghu-east", name = "东湖东社区服务站", level = "village", parentId = Demo.Town, regionCode = "420102" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await town.GetAsync("/api/halls/jc-donghu-east/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("staff07")).GetAsync($"/api/halls/{Demo.Village}/overview")).StatusCode);
    }
}
