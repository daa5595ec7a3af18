using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Setup;

/// <summary>Bad input on every set-up route: a 400 problem naming the field, and nothing changed (hall sequence, audit log, accounts).</summary>
public sealed class SetupBadInputTests
{
    [Fact]
    public async Task EveryRouteNamesTheWrongFieldAndChangesNothing()
    {
        await using var app = await QueueApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        var anyone = app.CreateClient();
        async Task<(long Seq, int Audit, int Accounts)> StateAsync() => (
            (await anyone.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}/board")).GetProperty("seq").GetInt64(),
            (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).GetArrayLength(),
            (await admin.GetFromJsonAsync<JsonElement>("/api/accounts")).GetArrayLength());
        var before = await StateAsync();

        var cases = new (string Method, string Path, object? Body, string Field)[]
        {
            ("POST", "/api/halls", new { id = "new hall", name = "x", level = "city", regionCode = "320684" }, "id"),
            ("POST", "/api/halls", new { id = "nh", name = "x", level = "town", regionCode = "320684" }, "parentId"),
            ("POST", "/api/halls", new { id = "nh", name = "x", level = "town", parentId = "no-such-hall", regionCode = "320684" }, "parentId"),
            ("POST", "/api/halls", new { id = "nh", name = "x", level = "city", regionCode = "32068" }, "regionCode"),
            ("POST", "/api/halls", new { id = "nh", name = "", level = "city", regionCode = "320684" }, "name"),
            ("PUT", $"/api/halls/{Demo.City}", new { name = "x", level = "city", regionCode = "420100", settings = new { targetWaitMinutes = 0 } }, "settings.targetWaitMinutes"),
            ("PUT", $"/api/halls/{Demo.City}", new { name = "x", level = "city", regionCode = "420100", settings = new { bookableShare = 1.5 } }, "settings.bookableShare"),
            ("PUT", $"/api/halls/{Demo.Town}", new { name = "x", level = "town", parentId = Demo.Village, regionCode = "420102" }, "parentId"),
            ("POST", $"/api/halls/{Demo.City}/services", new { name = "x", category = "社会民生类", prefix = "A1", normMinutes = 5, bookable = true }, "prefix"),
            ("POST", $"/api/halls/{Demo.City}/services", new { name = "x", category = "社会民生类", prefix = "A", normMinutes = 0, bookable = true }, "normMinutes"),
            ("POST", $"/api/halls/{Demo.City}/services", new { name = "x", category = "", prefix = "A", normMinutes = 5, bookable = true }, "category"),
            ("POST", $"/api/halls/{Demo.City}/services", new { name = "x", category = "c", prefix = "A", normMinutes = 5 }, "bookable"),
            ("POST", $"/api/halls/{Demo.City}/services", new { name = "x", category = "c", prefix = "A", normMinutes = 5, bookable = true, guide = new { materials = new[] { new string('m', 301) } } }, "guide.materials[0]"),
            ("PUT", $"/api/halls/{Demo.City}/services/{Demo.Invoice}", new { name = new string('n', 201), category = "c", prefix = "F", normMinutes = 5, bookable = false }, "name"),
            ("POST", $"/api/halls/{Demo.City}/windows", new { number = 0, name = "x", serviceIds = Array.Empty<string>() }, "number"),
            ("POST", $"/api/halls/{Demo.City}/windows", new { number = 40, name = "x", serviceIds = new[] { "no-such-matter" } }, "serviceIds"),
            ("POST", $"/api/halls/{Demo.City}/windows", new { number = 40, name = "", serviceIds = Array.Empty<string>() }, "name"),
            ("PUT", $"/api/halls/{Demo.City}/windows/{Demo.Window(7)}", new { number = 7, name = "x", serviceIds = new[] { "bad id" } }, "serviceIds[0]"),
            ("POST", "/api/accounts", new { username = "new", displayName = "x", role = "chief", hallId = Demo.City, password = "Long-enough-1" }, "role"),
            ("POST", "/api/accounts", new { username = "new", displayName = "x", role = "staff", hallId = Demo.City, password = "short" }, "password"),
            ("POST", "/api/accounts", new { username = "new", displayName = "x", role = "staff", password = "Long-enough-1" }, "hallId"),
            ("POST", "/api/accounts", new { username = "new", displayName = "x", role = "staff", hallId = Demo.City, windowId = Demo.Window(1, Demo.Town), password = "Long-enough-1" }, "windowId"),
            ("PUT", "/api/accounts/staff07", new { displayName = "", role = "staff", hallId = Demo.City }, "displayName"),
            ("POST", "/api/accounts/staff07/reset-password", new { newPassword = "1234" }, "newPassword"),
            ("POST", "/api/account/password", new { currentPassword = "demo123", newPassword = "x" }, "newPassword"),
            ("POST", "/api/account/password", new { currentPassword = "wrong", newPassword = "Long-enough-1" }, "currentPassword"),
            ("POST", "/api/setup", new { username = "x", password = "short", displayName = "x" }, "password"),
        };
        foreach (var (method, path, body, field) in cases)
        {
            var res = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(body) });
            var problem = await res.JsonAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{method} {path}: expected an error on {field}, got {problem}");
        }
        // Bodies that are not JSON objects, or null where a value must be.
        foreach (var path in new[] { "/api/halls", $"/api/halls/{Demo.City}/services", $"/api/halls/{Demo.City}/windows", "/api/accounts", "/api/setup" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(path, new StringContent("[1,2", Encoding.UTF8, "application/json"))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(path, new StringContent("null", Encoding.UTF8, "application/json"))).StatusCode);
        }
        // Import: no file, a file of another kind, a header the catalog does not have, a broken workbook.
        Assert.True((await (await admin.PostAsync($"/api/halls/{Demo.City}/services/import", new MultipartFormDataContent())).JsonAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("file", out _));
        var wrongKind = await (await admin.ImportAsync(Demo.City, "a,b"u8.ToArray(), "catalog.txt")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(wrongKind.GetProperty("errors").TryGetProperty("file", out _));
        var header = await (await admin.ImportAsync(Demo.City, "名称,颜色\nx,y\n"u8.ToArray(), "c.csv")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(header.GetProperty("errors").TryGetProperty("rows[1]", out _));
        Assert.True((await (await admin.ImportAsync(Demo.City, "PK not a zip"u8.ToArray(), "c.xlsx")).JsonAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/halls/{Demo.City}/services/export.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/audit?from=yesterday")).StatusCode);

        Assert.Equal(before, await StateAsync());
    }
}
