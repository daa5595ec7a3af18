using System.Net;
using System.Net.Http.Json;
using Queue.Silo.Accounts;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Reports;

/// <summary>Who sees which hall's reports: the hall's manager and the managers above it, evaluators, admins; nobody else.</summary>
public sealed class ReportAuthorizationTests
{
    [Fact]
    public async Task ManagersSeeTheirHallAndTheHallsBelowItEvaluatorsAndAdminsSeeThemStaffAndStrangersDoNot()
    {
        await using var app = await QueueApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        // A manager bound to the town hall (东湖街道), between the city and the village.
        await app.AddAccountAsync("donghu-manager", Role.Manager, "东湖主任", Demo.Town);
        var town = await app.SignedInAsync("donghu-manager");

        var cases = new (HttpClient Client, string Hall, HttpStatusCode Expected)[]
        {
            (await app.SignedInAsync("manager"), Demo.City, HttpStatusCode.OK),
            (await app.SignedInAsync("manager"), Demo.Town, HttpStatusCode.OK),
            (await app.SignedInAsync("manager"), Demo.Village, HttpStatusCode.OK),
            (town, Demo.Town, HttpStatusCode.OK),
            (town, Demo.Village, HttpStatusCode.OK),
            (town, Demo.City, HttpStatusCode.Forbidden),
            (await app.SignedInAsync("evaluator"), Demo.City, HttpStatusCode.OK),
            (await app.SignedInAsync("evaluator"), Demo.Village, HttpStatusCode.OK),
            (admin, Demo.Village, HttpStatusCode.OK),
            (await app.SignedInAsync("staff07"), Demo.City, HttpStatusCode.Forbidden),
            (app.CreateClient(), Demo.City, HttpStatusCode.Unauthorized),
            (admin, "no-such-hall", HttpStatusCode.NotFound),
        };
        foreach (var (client, hall, expected) in cases)
            foreach (var path in new[] { "queue?by=window", "queue/export.csv", "halls", "staffing" })
                Assert.True(expected == (await client.GetAsync($"/api/halls/{hall}/reports/{path}")).StatusCode, $"{path} of {hall}: expected {expected}");

        var bad = await admin.GetAsync($"/api/halls/{Demo.City}/reports/queue?by=weekday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/halls/{Demo.City}/reports/queue?from=2026-11-20&to=2026-11-19")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/halls/{Demo.City}/reports/queue?from=2024-01-01&to=2026-11-19")).StatusCode);
    }

    [Fact]
    public async Task TheCityRollUpListsTheHallsBelowSideBySide()
    {
        await using var app = await QueueApp.StartAsync();
        await HandCountedDay.WriteAsync(app);
        var manager = await app.SignedInAsync("manager");
        var rows = (await manager.GetFromJsonAsync<List<HallRowDto>>($"/api/halls/{Demo.City}/reports/halls?from=2026-11-16&to=2026-11-16", ApiCalls.Json))!;
        Assert.Equal([Demo.Town, Demo.Village], rows.Select(r => r.HallId));
        Assert.All(rows, r => Assert.Equal(0, r.Figures.Issued));
    }

    private sealed record HallRowDto(string HallId, string Name, string? ParentId, ReportRowDto Figures, double? SatisfactionRate);
}
