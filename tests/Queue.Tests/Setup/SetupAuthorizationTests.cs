using System.Net;
using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Setup;

/// <summary>
/// Every set-up route × role: admins everywhere; a manager in their hall and the halls under it (the demo manager is the
/// city's, so manages the town and village), never above or beside it; staff, evaluators and strangers nowhere.
/// </summary>
public sealed class SetupAuthorizationTests
{
    private static int next;

    [Fact]
    public async Task EveryNewRouteAnswersEachRoleAsTheHallTreeSays()
    {
        await using var app = await QueueApp.StartAsync();
        var admin = await app.SignedInAsync("admin");
        await (await admin.PostAsJsonAsync("/api/accounts", new { username = "donghu-manager", displayName = "东湖主任", role = "manager", hallId = Demo.Town, password = "Donghu-2026" }))
            .JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/accounts", new { username = "donghu-staff", displayName = "东湖窗口", role = "staff", hallId = Demo.Town, password = "Donghu-2026" }))
            .JsonAsync(HttpStatusCode.Created);
        // A second admin to reset: a reset ends the sessions of the account it resets, and the matrix's own clients must live on.
        await (await admin.PostAsJsonAsync("/api/accounts", new { username = "admin2", displayName = "备用管理员", role = "admin", password = "Admin2-2026" }))
            .JsonAsync(HttpStatusCode.Created);
        var clients = new Dictionary<string, HttpClient>
        {
            ["admin"] = admin,
            ["city"] = await app.SignedInAsync("manager"),
            ["town"] = await app.SignedInAsync("donghu-manager", "Donghu-2026"),
            ["staff"] = await app.SignedInAsync("staff07"),
            ["evaluator"] = await app.SignedInAsync("evaluator"),
            ["anonymous"] = app.CreateClient(),
        };
        var accounts = (await admin.GetFromJsonAsync<List<AccountDto>>("/api/accounts", ApiCalls.Json))!;
        var townStaff = accounts.Single(a => a.Username == "donghu-staff").Id;
        var secondAdmin = accounts.Single(a => a.Username == "admin2").Id;

        // Per route: who gets which answer. Hall routes run against the town (T) and the city (C).
        const HttpStatusCode ok = HttpStatusCode.OK, created = HttpStatusCode.Created, none = HttpStatusCode.NoContent,
            forbidden = HttpStatusCode.Forbidden, unauthorized = HttpStatusCode.Unauthorized;
        (string Route, Func<string, HttpRequestMessage> Request, Dictionary<string, HttpStatusCode> Expected)[] matrix =
        [
            ("POST /api/halls", _ => Json("POST", "/api/halls", new { id = $"h{Next()}", name = "新村", level = "village", parentId = Demo.Town, regionCode = "420102001001" }),
                Roles(created, forbidden, forbidden)),
            ("PUT /api/halls/T", _ => Json("PUT", $"/api/halls/{Demo.Town}", new { name = "东湖街道便民服务中心", level = "town", parentId = Demo.City, regionCode = "420102", address = "东湖街道办事处一楼" }),
                Roles(ok, ok, ok)),
            ("PUT /api/halls/C", _ => Json("PUT", $"/api/halls/{Demo.City}", new { name = "江城市政务服务中心", level = "city", regionCode = "420100", address = "江城市市民之家一楼大厅" }),
                Roles(ok, ok, forbidden)),
            ("POST services T", _ => Json("POST", $"/api/halls/{Demo.Town}/services", Matter()), Roles(created, created, created)),
            ("POST services C", _ => Json("POST", $"/api/halls/{Demo.City}/services", Matter()), Roles(created, created, forbidden)),
            ("PUT services T", _ => Json("PUT", $"/api/halls/{Demo.Town}/services/{Demo.Town}-invoice", Matter("发票领用与代开", "F")), Roles(ok, ok, ok)),
            ("PUT services C", _ => Json("PUT", $"/api/halls/{Demo.City}/services/{Demo.Invoice}", Matter("发票领用与代开", "F")), Roles(ok, ok, forbidden)),
            ("DELETE services T", role => new HttpRequestMessage(HttpMethod.Delete, $"/api/halls/{Demo.Town}/services/{Scratch[(Demo.Town, role)]}"), Roles(none, none, none)),
            ("DELETE services C", role => new HttpRequestMessage(HttpMethod.Delete, $"/api/halls/{Demo.City}/services/{Scratch[(Demo.City, role)]}"), Roles(none, none, forbidden)),
            ("import T", _ => Import(Demo.Town), Roles(ok, ok, ok)),
            ("import C", _ => Import(Demo.City), Roles(ok, ok, forbidden)),
            ("export T", _ => new HttpRequestMessage(HttpMethod.Get, $"/api/halls/{Demo.Town}/services/export.csv"), Roles(ok, ok, ok)),
            ("export C", _ => new HttpRequestMessage(HttpMethod.Get, $"/api/halls/{Demo.City}/services/export.xlsx"), Roles(ok, ok, forbidden)),
            ("POST windows T", _ => Json("POST", $"/api/halls/{Demo.Town}/windows", new { number = 10 + Next(), name = "新窗口", serviceIds = Array.Empty<string>() }), Roles(created, created, created)),
            ("POST windows C", _ => Json("POST", $"/api/halls/{Demo.City}/windows", new { number = 30 + Next(), name = "新窗口", serviceIds = Array.Empty<string>() }), Roles(created, created, forbidden)),
            ("PUT windows T", _ => Json("PUT", $"/api/halls/{Demo.Town}/windows/{Demo.Window(3, Demo.Town)}", new { number = 3, name = "3号社保医保", serviceIds = Array.Empty<string>() }), Roles(ok, ok, ok)),
            ("PUT windows C", _ => Json("PUT", $"/api/halls/{Demo.City}/windows/{Demo.Window(16)}", new { number = 16, name = "16号企业综合", serviceIds = Array.Empty<string>() }), Roles(ok, ok, forbidden)),
            ("DELETE windows T", role => new HttpRequestMessage(HttpMethod.Delete, $"/api/halls/{Demo.Town}/windows/{ScratchWindow[(Demo.Town, role)]}"), Roles(none, none, none)),
            ("DELETE windows C", role => new HttpRequestMessage(HttpMethod.Delete, $"/api/halls/{Demo.City}/windows/{ScratchWindow[(Demo.City, role)]}"), Roles(none, none, forbidden)),
            ("GET accounts", _ => new HttpRequestMessage(HttpMethod.Get, "/api/accounts"), Roles(ok, ok, ok)),
            ("POST staff T", _ => Json("POST", "/api/accounts", new { username = $"s{Next()}", displayName = "新同事", role = "staff", hallId = Demo.Town, password = "Staff-2026-x" }), Roles(created, created, created)),
            ("POST staff C", _ => Json("POST", "/api/accounts", new { username = $"s{Next()}", displayName = "新同事", role = "staff", hallId = Demo.City, password = "Staff-2026-x" }), Roles(created, created, forbidden)),
            ("POST manager T", _ => Json("POST", "/api/accounts", new { username = $"m{Next()}", displayName = "新主任", role = "manager", hallId = Demo.Town, password = "Manager-2026" }), Roles(created, forbidden, forbidden)),
            ("PUT staff T", _ => Json("PUT", $"/api/accounts/{townStaff}", new { displayName = "东湖窗口", role = "staff", hallId = Demo.Town, staffNumber = "DH01" }), Roles(ok, ok, ok)),
            ("PUT staff C", _ => Json("PUT", "/api/accounts/staff07", new { displayName = "赵磊", role = "staff", hallId = Demo.City, windowId = Demo.Window(7), staffNumber = "JC1007" }), Roles(ok, ok, forbidden)),
            ("reset staff T", _ => Json("POST", $"/api/accounts/{townStaff}/reset-password", new { newPassword = "Donghu-2026" }), Roles(ok, ok, ok)),
            ("reset staff C", _ => Json("POST", "/api/accounts/staff08/reset-password", new { newPassword = "demo1234-x" }), Roles(ok, ok, forbidden)),
            ("disable staff C", _ => new HttpRequestMessage(HttpMethod.Post, "/api/accounts/staff08/disable"), Roles(ok, ok, forbidden)),
            ("audit", _ => new HttpRequestMessage(HttpMethod.Get, "/api/audit"), Roles(ok, forbidden, forbidden)),
            // Last, as each success changes what the next row finds: a manager never makes an admin nor touches one.
            ("reset admin", _ => Json("POST", $"/api/accounts/{secondAdmin}/reset-password", new { newPassword = "demo123-new" }), Roles(ok, forbidden, forbidden)),
            ("promote staff T", _ => Json("PUT", $"/api/accounts/{townStaff}", new { displayName = "东湖窗口", role = "admin" }), Roles(ok, forbidden, forbidden)),
        ];
        // Something of its own for each role to delete, so one role's success does not turn the next one's answer into 404.
        foreach (var hall in new[] { Demo.Town, Demo.City })
            foreach (var role in clients.Keys)
            {
                Scratch[(hall, role)] = (await (await admin.PostAsJsonAsync($"/api/halls/{hall}/services", Matter())).JsonAsync(created)).GetProperty("id").GetString()!;
                ScratchWindow[(hall, role)] = (await (await admin.PostAsJsonAsync($"/api/halls/{hall}/windows", new { number = 100 + Next(), name = "临时窗口", serviceIds = Array.Empty<string>() }))
                    .JsonAsync(created)).GetProperty("id").GetString()!;
            }
        var failures = new List<string>();
        foreach (var (route, request, expected) in matrix)
            foreach (var role in new[] { "anonymous", "staff", "evaluator", "town", "city", "admin" })
            {
                var res = await clients[role].SendAsync(request(role));
                if (res.StatusCode != expected[role]) failures.Add($"{route} as {role}: expected {(int)expected[role]}, got {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
            }
        Assert.Empty(failures);

        // Every signed-in account changes its own password; a stranger cannot.
        var staff = clients["staff"];
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync("/api/account/password", new { currentPassword = "demo123", newPassword = "Staff07-new-1" })).StatusCode);
        Assert.Equal(unauthorized, (await clients["anonymous"].PostAsJsonAsync("/api/account/password", new { currentPassword = "a", newPassword = "Staff07-new-1" })).StatusCode);
        // The set-up route is closed for everyone once accounts exist.
        foreach (var client in clients.Values)
            Assert.Equal(HttpStatusCode.Conflict, (await client.SetUpAsync(new { username = "again", password = "Again-2026-x", displayName = "x" })).StatusCode);
        // A manager's list holds the accounts of their halls only.
        var townList = (await clients["town"].GetFromJsonAsync<List<AccountDto>>("/api/accounts", ApiCalls.Json))!;
        Assert.All(townList, a => Assert.Equal(Demo.Town, a.HallId));
        Assert.Contains((await clients["city"].GetFromJsonAsync<List<AccountDto>>("/api/accounts", ApiCalls.Json))!, a => a.HallId == Demo.Town);
    }

    private static readonly Dictionary<(string Hall, string Role), string> Scratch = [];
    private static readonly Dictionary<(string Hall, string Role), string> ScratchWindow = [];

    /// <summary>admin, the city's manager, the town's manager; staff and evaluators 403; strangers 401.</summary>
    private static Dictionary<string, HttpStatusCode> Roles(HttpStatusCode admin, HttpStatusCode city, HttpStatusCode town) => new()
    {
        ["anonymous"] = HttpStatusCode.Unauthorized, ["staff"] = HttpStatusCode.Forbidden, ["evaluator"] = HttpStatusCode.Forbidden,
        ["town"] = town, ["city"] = city, ["admin"] = admin,
    };

    private static HttpRequestMessage Json(string method, string path, object body) => new(new HttpMethod(method), path) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage Import(string hallId) => new(HttpMethod.Post, $"/api/halls/{hallId}/services/import")
    {
        Content = new MultipartFormDataContent { { new ByteArrayContent(SetupCalls.Csv(SetupCalls.Catalog(3, $"{hallId}-m{Next()}"))), "file", "c.csv" } },
    };

    private static object Matter(string? name = null, string prefix = "H") =>
        new { name = name ?? $"新事项{Next()}", category = "社会民生类", prefix, normMinutes = 6, bookable = false };

    private static int Next() => Interlocked.Increment(ref next);

    private sealed record AccountDto(string Id, string Username, string Role, string? HallId);
}
