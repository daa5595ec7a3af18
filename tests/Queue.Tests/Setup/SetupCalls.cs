using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Queue.Tests.Infrastructure;
using Queue.Web.Ratings;

namespace Queue.Tests.Setup;

/// <summary>Calls of the set-up API as a director's tools make them, and a generated catalog to import.</summary>
public static class SetupCalls
{
    public const string Token = "test-setup-token-0123456789";
    public const string AdminPassword = "Haimen-2026!";

    /// <summary>A host on a fresh database without the demo, its setup token fixed so tests can present it.</summary>
    public static Task<QueueApp> FreshAsync(StorageKind kind = StorageKind.Sqlite, bool kestrel = false) =>
        QueueApp.StartAsync(kind, new Dictionary<string, string?> { ["Demo:Seed"] = "false", ["Setup:Token"] = Token }, kestrel: kestrel);

    public static async Task<HttpResponseMessage> SetUpAsync(this HttpClient client, object body, string? token = Token)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/setup") { Content = JsonContent.Create(body) };
        if (token is not null) req.Headers.Add("X-Setup-Token", token);
        return await client.SendAsync(req);
    }

    public static async Task<HttpClient> SignedInAsync(this QueueApp app, string user, string password)
    {
        var client = app.CreateClient();
        var res = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        if (!res.IsSuccessStatusCode) throw new HttpRequestException($"login {user}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        var token = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The first admin of a fresh database, signed in.</summary>
    public static async Task<HttpClient> FirstAdminAsync(this QueueApp app)
    {
        (await app.CreateClient().SetUpAsync(new { username = "director", password = AdminPassword, displayName = "中心主任" })).EnsureSuccessStatusCode();
        return await app.SignedInAsync("director", AdminPassword);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage res, System.Net.HttpStatusCode expected)
    {
        var text = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expected, $"{res.RequestMessage?.Method} {res.RequestMessage?.RequestUri}: expected {expected}, got {(int)res.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string hallId, byte[] file, string fileName)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } };
        return client.PostAsync($"/api/halls/{hallId}/services/import", form);
    }

    public static readonly string[] Headers =
        ["事项编码(id)", "主题(category)", "号票前缀(prefix)", "事项名称(name)", "英文名称(nameEn)", "标准办理分钟(normMinutes)",
         "可预约(bookable)", "申请材料(materials)", "办理流程(steps)", "办理时限(timeLimit)", "收费标准(fee)", "设定依据(basis)"];

    private static readonly (string Theme, string Prefix)[] Themes =
        [("社会民生类", "A"), ("企业设立类", "B"), ("经营许可类", "C"), ("工程建设类", "D"), ("公安专项类", "E"), ("税务专项类", "F")];

    /// <summary>A made-up catalog of <paramref name="count"/> matters from 50 departments (the size of Haimen's), as rows.</summary>
    public static List<string[]> Catalog(int count, string idPrefix = "hm") =>
    [
        .. Enumerable.Range(1, count).Select(i =>
        {
            var (theme, prefix) = Themes[i % Themes.Length];
            return new[]
            {
                $"{idPrefix}-{i:D4}", theme, prefix, $"第{i % 50 + 1}部门 事项{i:D4}", $"Matter {i}", (5 + i % 20).ToString(), i % 3 == 0 ? "是" : "否",
                "居民身份证\n申请表", "窗口受理\n审核\n办结", i % 2 == 0 ? "即办" : $"{i % 20 + 1}个工作日", "不收费", $"《示例条例》第{i % 90 + 1}条",
            };
        }),
    ];

    public static byte[] Csv(IEnumerable<string[]> rows)
    {
        static string Field(string v) => v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{v.Replace("\"", "\"\"")}\"" : v;
        var sb = new StringBuilder();
        foreach (var row in rows.Prepend(Headers)) sb.Append(string.Join(',', row.Select(Field))).Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>An XLSX as Excel saves one: shared strings, cell references (C7), empty cells left out.</summary>
    public static byte[] ExcelXlsx(IEnumerable<string[]> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var strings = book.AddNewPart<DocumentFormat.OpenXml.Packaging.SharedStringTablePart>();
            strings.SharedStringTable = new DocumentFormat.OpenXml.Spreadsheet.SharedStringTable();
            var index = new Dictionary<string, int>();
            var sheetPart = book.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
            var r = 0;
            foreach (var row in rows.Prepend(Headers))
            {
                r++;
                var xr = new DocumentFormat.OpenXml.Spreadsheet.Row { RowIndex = (uint)r };
                for (var c = 0; c < row.Length; c++)
                {
                    if (row[c].Length == 0) continue;
                    if (!index.TryGetValue(row[c], out var si))
                    {
                        si = index[row[c]] = index.Count;
                        strings.SharedStringTable.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(row[c])));
                    }
                    xr.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r}",
                        DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString,
                        CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(si.ToString()),
                    });
                }
                data.AppendChild(xr);
            }
            sheetPart.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data);
            book.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(
                new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "事项目录" }));
        }
        return ms.ToArray();
    }

    /// <summary>An XLSX written by the product's own streaming writer (inline strings, as exports are).</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        using var ms = new MemoryStream();
        using (var xlsx = new XlsxStream(ms, "事项目录", Headers))
            foreach (var row in rows) xlsx.WriteRow(row);
        return ms.ToArray();
    }
}
