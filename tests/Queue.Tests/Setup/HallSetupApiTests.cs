using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Setup;

/// <summary>A hall set up through the API alone, as a director would from the README, on SQLite and PostgreSQL.</summary>
public sealed class HallSetupApiTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task ADirectorImportsTheCatalogOpensWindowsAndStaffCallTicketsAndEveryChangeIsLiveAndAudited(StorageKind storage)
    {
        await using var app = await SetupCalls.FreshAsync(storage);
        var admin = await app.FirstAdminAsync();
        var anyone = app.CreateClient();
        await (await admin.PostAsJsonAsync("/api/halls", new { id = "haimen", name = "海门区政务服务中心", level = "city", regionCode = "320684", address = "海门区北京中路" }))
            .JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/halls", new { id = "haimen-sanxing", name = "三星镇便民服务中心", level = "town", parentId = "haimen", regionCode = "320684103000" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["haimen", "haimen-sanxing"], (await anyone.GetFromJsonAsync<List<JsonElement>>("/api/halls"))!.Select(h => h.GetProperty("id").GetString()));

        // The 912-matter catalog, as Excel saves it.
        var catalog = SetupCalls.Catalog(912);
        var imported = await (await admin.ImportAsync("haimen", SetupCalls.ExcelXlsx(catalog), "海门事项目录.xlsx")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(912, imported.GetProperty("created").GetInt32());
        Assert.Equal(0, imported.GetProperty("rejected").GetArrayLength());
        var hall = (await anyone.GetFromJsonAsync<HallDto>("/api/halls/haimen", ApiCalls.Json))!;
        Assert.Equal(catalog.Select(r => r[0]), hall.Services.Select(s => s.Id));

        // An export imports back unchanged, as CSV and as XLSX.
        var csv = await admin.GetByteArrayAsync("/api/halls/haimen/services/export.csv");
        var again = await (await admin.ImportAsync("haimen", csv, "export.csv")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 912), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()));
        Assert.Equal(csv, await admin.GetByteArrayAsync("/api/halls/haimen/services/export.csv"));
        var xlsx = await admin.GetByteArrayAsync("/api/halls/haimen/services/export.xlsx");
        await (await admin.ImportAsync("haimen", xlsx, "export.xlsx")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(csv, await admin.GetByteArrayAsync("/api/halls/haimen/services/export.csv"));

        // One bad row among 912: a report of every rejected row, and the catalog as it was.
        var bad = SetupCalls.Catalog(912);
        bad[6][2] = "7";        // spreadsheet row 8: prefix
        bad[9][5] = "很久";     // row 11: normMinutes
        bad[20][3] = "";        // row 22: name
        bad[30][0] = bad[31][0]; // row 32 and 33 share an id
        bad[40][3] = "改了名字";  // a good change that must not be applied either
        var report = await (await admin.ImportAsync("haimen", SetupCalls.Csv(bad), "bad.csv")).JsonAsync(HttpStatusCode.BadRequest);
        var rows = report.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["rows[8]", "rows[11]", "rows[22]", "rows[33]"], rows);
        Assert.Contains("prefix", report.GetProperty("errors").GetProperty("rows[8]")[0].GetString());
        Assert.Equal(csv, await admin.GetByteArrayAsync("/api/halls/haimen/services/export.csv"));

        // Windows, while the hall is open; a staff account; staff work any window of their hall.
        var social = hall.Services.Where(s => s.Category == "社会民生类").Select(s => s.Id).ToList();
        for (var n = 1; n <= 3; n++)
            await (await admin.PostAsJsonAsync("/api/halls/haimen/windows", new { number = n, name = $"{n}号综合窗口", serviceIds = n == 3 ? social : hall.Services.Select(s => s.Id) }))
                .JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/accounts", new { username = "wang", displayName = "王晓燕", role = "staff", hallId = "haimen", staffNumber = "HM0101", password = "Wang-2026-a" }))
            .JsonAsync(HttpStatusCode.Created);
        var wang = await app.SignedInAsync("wang", "Wang-2026-a");
        await (await wang.PostAsync("/api/halls/haimen/windows/haimen-w02/open", null)).JsonAsync(HttpStatusCode.OK);
        var ticket = await anyone.IssueAsync(social[0], "haimen");
        var called = await (await wang.PostAsync("/api/halls/haimen/windows/haimen-w02/call-next", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(ticket.Id, called.GetProperty("id").GetGuid());
        var board = await anyone.GetFromJsonAsync<JsonElement>("/api/halls/haimen/board");
        Assert.Equal(ticket.Number, board.GetProperty("recentCalls")[0].GetProperty("ticketNumber").GetString());

        // A new matter and a new window are on the board and the kiosk at once, with an estimate once a window serves it.
        var created = await (await admin.PostAsJsonAsync("/api/halls/haimen/services", new
        {
            name = "不动产登记", category = "社会民生类", prefix = "G", normMinutes = 12, bookable = false,
            guide = new { materials = new[] { "不动产权证书" }, steps = new[] { "受理", "登簿" }, timeLimit = "5个工作日", fee = "按规定收费", basis = "《不动产登记暂行条例》" },
        })).JsonAsync(HttpStatusCode.Created);
        var estate = created.GetProperty("id").GetString()!;
        await (await admin.PutAsJsonAsync("/api/halls/haimen/windows/haimen-w02", new { number = 2, name = "2号不动产窗口", serviceIds = new[] { estate, social[0] } })).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(estate, await anyone.GetStringAsync("/kiosk/haimen"));
        var waiting = await anyone.IssueAsync(estate, "haimen");
        board = await anyone.GetFromJsonAsync<JsonElement>("/api/halls/haimen/board");
        Assert.Contains(board.GetProperty("windows").EnumerateArray(), w => w.GetProperty("name").GetString() == "2号不动产窗口");
        Assert.Equal(1, board.GetProperty("waiting").EnumerateArray().Single(q => q.GetProperty("serviceId").GetString() == estate).GetProperty("count").GetInt32());

        // Removing what a citizen holds: 409 with what to do, nothing changed.
        Assert.Equal("service.hasTickets", (await (await admin.DeleteAsync($"/api/halls/haimen/services/{estate}")).JsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("window.notClosed", (await (await admin.DeleteAsync("/api/halls/haimen/windows/haimen-w02")).JsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/api/tickets/{waiting.Id}?token={waiting.Token}")).StatusCode);

        // What nobody waits for goes: the windows that served it stop serving it.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/halls/haimen/services/{social[1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/halls/haimen/windows/haimen-w03")).StatusCode);
        hall = (await anyone.GetFromJsonAsync<HallDto>("/api/halls/haimen", ApiCalls.Json))!;
        Assert.DoesNotContain(hall.Services, s => s.Id == social[1]);
        Assert.DoesNotContain(hall.Windows, w => w.Id == "haimen-w03");
        Assert.All(hall.Windows, w => Assert.DoesNotContain(social[1], w.ServiceIds));

        var audit = (await (await admin.GetAsync("/api/audit?hallId=haimen")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var update = audit.First(e => e.GetProperty("action").GetString() == "window.update");
        Assert.Equal("director", update.GetProperty("actor").GetString());
        Assert.Contains("1号综合窗口".Replace("1", "2"), update.GetProperty("before").GetString());
        Assert.Contains("2号不动产窗口", update.GetProperty("after").GetString());
        Assert.Equal(["service.remove", "window.remove"], audit.Take(2).Select(e => e.GetProperty("action").GetString()).Order());
        Assert.Null(audit.First(e => e.GetProperty("action").GetString() == "window.remove").GetProperty("after").GetString());
        Assert.Single(audit, e => e.GetProperty("action").GetString() == "service.import" && e.GetProperty("after").GetString()!.Contains("\"created\":912"));
    }
}
