using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Reports;

/// <summary>Report figures against the hand-counted day (<see cref="HandCountedDay"/>), on SQLite and PostgreSQL.</summary>
public sealed class ReportFigureTests
{
    private const string Day = "from=2026-11-16&to=2026-11-16";

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task TheHallsDayMatchesTheHandCount(StorageKind kind)
    {
        await using var app = await QueueApp.StartAsync(kind);
        await HandCountedDay.WriteAsync(app);
        var manager = await app.SignedInAsync("manager");

        var day = Assert.Single(await RowsAsync(manager, "day"));
        Assert.Equal(("2026-11-16", 10, 6, 2, 2, 1), (day.Key, day.Issued, day.Served, day.NoShow, day.Cancelled, day.Transferred));
        Assert.Equal((17.63, 15.0, 40.0, 0.5, 8), (day.MeanWaitMinutes!.Value, day.P50WaitMinutes!.Value, day.P90WaitMinutes!.Value, day.Within15MinutesShare!.Value, day.Waited));
        Assert.Equal(9.67, day.MeanHandlingMinutes);
        Assert.Equal((7, 2, 1), (day.Kiosk, day.Mobile, day.Booking));
        Assert.Equal((3, 1, 1, 1), (day.Done, day.Promised, day.SupplementRequired, day.Rejected));

        var windows = await RowsAsync(manager, "window");
        // Most tickets first, then by key.
        Assert.Equal([Demo.Window(7), Demo.Window(1), Demo.Window(14)], windows.Select(w => w.Key));
        var w7 = windows.Single(w => w.Key == Demo.Window(7));
        Assert.Equal((4, 3, 1, 13.75, 20.0, 0.5, 11.67), (w7.Issued, w7.Served, w7.NoShow, w7.MeanWaitMinutes!.Value, w7.P90WaitMinutes!.Value, w7.Within15MinutesShare!.Value, w7.MeanHandlingMinutes!.Value));
        Assert.Equal("7号企业开办", w7.Name);
        Assert.Equal(1, w7.Transferred);
        Assert.Equal(0, windows.Single(w => w.Key == Demo.Window(1)).Transferred);
        var w14 = windows.Single(w => w.Key == Demo.Window(14));
        Assert.Equal((2, 15.5, 30.0), (w14.Issued, w14.MeanWaitMinutes!.Value, w14.P90WaitMinutes!.Value));
        var w1 = windows.Single(w => w.Key == Demo.Window(1));
        Assert.Equal((27.5, 40.0, 0.5), (w1.MeanWaitMinutes!.Value, w1.P90WaitMinutes!.Value, w1.Within15MinutesShare!.Value));

        // Arrival hours in Beijing time: the phone ticket counts from its 09:20 check-in; the one never checked in from its issue.
        var hours = await RowsAsync(manager, "hour");
        Assert.Equal(["09", "10"], hours.Select(h => h.Key));
        Assert.Equal((5, 11.2, 20.0), (hours[0].Issued, hours[0].MeanWaitMinutes!.Value, hours[0].P90WaitMinutes!.Value));
        Assert.Equal((5, 28.33, 40.0), (hours[1].Issued, hours[1].MeanWaitMinutes!.Value, hours[1].P90WaitMinutes!.Value));

        var categories = (await RowsAsync(manager, "category")).ToDictionary(c => c.Key, c => c.Issued);
        Assert.Equal(new Dictionary<string, int> { ["企业设立类"] = 4, ["税务专项类"] = 4, ["社会民生类"] = 2 }, categories);
        var mobile = (await RowsAsync(manager, "channel")).Single(c => c.Key == "mobile");
        Assert.Equal((2, 1, 1, 20.0), (mobile.Issued, mobile.NoShow, mobile.Cancelled, mobile.MeanWaitMinutes!.Value));
        var staff = (await RowsAsync(manager, "staff")).ToDictionary(s => s.Key, s => s.Issued);
        Assert.Equal(new Dictionary<string, int> { ["staff07"] = 4, ["staff14"] = 2, ["staff01"] = 2 }, staff);
        var company = (await RowsAsync(manager, "service")).Single(s => s.Key == Demo.CompanySetup);
        Assert.Equal((12.0, 11.67, 1), (company.NormMinutes!.Value, company.MeanHandlingMinutes!.Value, company.Transferred));
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task AnEmptyPeriodHasNoRowsNotZeros(StorageKind kind)
    {
        await using var app = await QueueApp.StartAsync(kind);
        await HandCountedDay.WriteAsync(app);
        var evaluator = await app.SignedInAsync("evaluator");
        foreach (var by in new[] { "day", "hour", "service", "category", "window", "staff", "channel" })
            Assert.Empty((await evaluator.GetFromJsonAsync<List<ReportRowDto>>($"/api/halls/{Demo.City}/reports/queue?from=2026-11-17&to=2026-11-22&by={by}", ApiCalls.Json))!);
    }

    [Fact]
    public async Task ExportsCarryTheSameRowsAsCsvAndXlsx()
    {
        await using var app = await QueueApp.StartAsync();
        await HandCountedDay.WriteAsync(app);
        var admin = await app.SignedInAsync("admin");

        var csv = await admin.GetAsync($"/api/halls/{Demo.City}/reports/queue/export.csv?{Day}&by=window");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("分组 key,名称 name,取号 issued", lines[0]);
        Assert.StartsWith($"{Demo.Window(7)},7号企业开办,4,3,1,0,13.75,20,11.67,0.5,", lines[1]);
        Assert.EndsWith(",转移 transferred", lines[0].TrimEnd('\r'));
        Assert.EndsWith(",1", lines[1].TrimEnd('\r'));

        var xlsx = await admin.GetAsync($"/api/halls/{Demo.City}/reports/queue/export.xlsx?{Day}&by=hour");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["10", "10", "5"], rows[2].Descendants<Cell>().Take(3).Select(c => c.InnerText));
        // The 09 hour holds the one transferred ticket (B002), the last column.
        Assert.Equal("1", rows[1].Descendants<Cell>().Last().InnerText);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/halls/{Demo.City}/reports/queue/export.pdf?{Day}")).StatusCode);
    }

    private static async Task<List<ReportRowDto>> RowsAsync(HttpClient client, string by) =>
        (await client.GetFromJsonAsync<List<ReportRowDto>>($"/api/halls/{Demo.City}/reports/queue?{Day}&by={by}", ApiCalls.Json))!;
}
