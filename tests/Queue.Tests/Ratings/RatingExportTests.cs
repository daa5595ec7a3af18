using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>Exports carry GB/T 39046-2020 Table 9 fields, checked field by field, in CSV and in XLSX.</summary>
public sealed class RatingExportTests
{
    private static readonly string[] Table9 = ["办件编号", "评价渠道", "评价人", "评价时间", "评价次数", "满意度代码", "文字评价", "行政区划"];

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task RatingsExportHasTable9FieldsInCsvAndXlsx(StorageKind storage)
    {
        var clock = new ManualClock(RatingCalls.Friday);
        await using var app = await QueueApp.StartAsync(storage, clock: clock);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(7));
        await citizen.RatedAsync(ticket, "dissatisfied", ["等候时间长", "多次跑动"], "第二次来了, \"还是\"不行", "13912345678");
        var evaluator = await app.SignedInAsync("evaluator");
        var c = await evaluator.CaseOfAsync(ticket.Id);
        foreach (var step in new[] { "verify", "rectify", "reply", "close" }) (await evaluator.StepAsync(c.Id, step)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromHours(2));
        (await citizen.PostAsJsonAsync($"/api/tickets/{ticket.Id}/rating/follow-up", new { token = ticket.Token, level = "satisfied" })).EnsureSuccessStatusCode();

        string[] expectedFirst = [$"{Demo.City}-20261120-{ticket.Number}", "2", "13912345678", "20261120T090307", "1", "4", "等候时间长、多次跑动；第二次来了, \"还是\"不行", "420100"];
        string[] expectedFollowUp = [$"{Demo.City}-20261120-{ticket.Number}", "2", "13912345678", "20261120T110307", "2", "2", "", "420100"];

        var csv = await evaluator.GetAsync($"/api/ratings/export.csv?hallId={Demo.City}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(Table9, rows[0]);
        Assert.Equal(expectedFirst, rows[1]);
        Assert.Equal(expectedFollowUp, rows[2]);
        Assert.Equal(3, rows.Count);

        var xlsx = await evaluator.GetAsync($"/api/ratings/export.xlsx?hallId={Demo.City}&from=2026-11-01&to=2026-11-30");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal([Table9, expectedFirst, expectedFollowUp], sheet);

        var none = ReadXlsx(await (await evaluator.GetAsync($"/api/ratings/export.xlsx?hallId={Demo.City}&from=2026-12-01")).Content.ReadAsByteArrayAsync());
        Assert.Equal([Table9], none);

        var cases = ParseCsv(Encoding.UTF8.GetString((await (await evaluator.GetAsync($"/api/rating-cases/export.csv?hallId={Demo.City}")).Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal("办件编号", cases[0][1]);
        Assert.Equal((expectedFirst[0], "4", "closed", "是", "420100"), (cases[1][1], cases[1][3], cases[1][6], cases[1][9], cases[1][10]));
        Assert.Equal(2, ReadXlsx(await (await evaluator.GetAsync($"/api/rating-cases/export.xlsx?hallId={Demo.City}")).Content.ReadAsByteArrayAsync()).Count);
    }

    [Fact]
    public async Task ExportOfManyRatingsStreamsEveryRow()
    {
        await using var app = await QueueApp.StartAsync();
        // 3,000 ratings written straight to the table (the export, not the workflow, is under test here).
        var dbs = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Queue.Silo.Storage.QueueDb>>(app.Services);
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var start = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < 3000; i++)
            {
                var subject = new Queue.Silo.Ratings.RatingSubject(Guid.NewGuid(), Demo.City, Demo.Window(1 + i % 16), null, Demo.Invoice,
                    $"F{i:D4}", new DateOnly(2026, 11, 2), start);
                db.Add(new Queue.Silo.Ratings.Rating(Guid.NewGuid(), subject, 1, (Queue.Silo.Ratings.RatingLevel)(1 + i % 5), [], null,
                    Queue.Silo.Ratings.RatingChannel.Mobile, null, start.AddSeconds(i)));
            }
            await db.SaveChangesAsync();
        }
        var evaluator = await app.SignedInAsync("evaluator");
        using var res = await evaluator.GetAsync($"/api/ratings/export.csv?hallId={Demo.City}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(res.Content.Headers.ContentLength);
        var rows = ParseCsv(Encoding.UTF8.GetString((await res.Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal(3001, rows.Count);
        Assert.Equal("F2999", rows[^1][0][^5..]);
        Assert.Equal(3001, ReadXlsx(await (await evaluator.GetAsync($"/api/ratings/export.xlsx?hallId={Demo.City}")).Content.ReadAsByteArrayAsync()).Count);
    }

    /// <summary>RFC 4180 as written by the export: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }

    private static List<string[]> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var part = doc.WorkbookPart!.WorksheetParts.Single();
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToList();
    }

}
