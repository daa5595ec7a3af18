using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>Every 好差评 endpoint and page, for every role: anonymous, staff, manager, evaluator, admin.</summary>
public sealed class RatingAuthorizationMatrixTests
{
    private static readonly string[] Roles = ["anonymous", "staff07", "manager", "evaluator", "admin"];

    [Fact]
    public async Task EveryRatingEndpointAnswersEachRoleAsDesigned()
    {
        await using var app = await QueueApp.StartAsync();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles) clients[role] = await ClientAsync(app, role);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var evaluator = await app.SignedInAsync("evaluator");
        // The hall's manager appeals, so the evaluator's re-check below is not of its own appeal (decision 0079).
        var manager = await app.SignedInAsync("manager");

        // Per role: a served ticket to rate, and a 差评 case to work (each role acts on its own).
        var toRate = new Dictionary<string, TicketDto>();
        var caseOf = new Dictionary<string, Guid>();
        var appealed = new Dictionary<string, Guid>();
        foreach (var role in Roles)
        {
            toRate[role] = await staff.ServeAsync(citizen, 7);
            var bad = await staff.ServeAsync(citizen, 7);
            await citizen.RatedAsync(bad, "dissatisfied");
            caseOf[role] = (await evaluator.CaseOfAsync(bad.Id)).Id;
            var other = await staff.ServeAsync(citizen, 7);
            await citizen.RatedAsync(other, "veryDissatisfied");
            appealed[role] = (await evaluator.CaseOfAsync(other.Id)).Id;
            (await manager.StepAsync(appealed[role], "appeal", "申诉")).EnsureSuccessStatusCode();
        }
        var h = Demo.City;
        var w = Demo.Window(7);

        //                                                                                   anonymous staff manager evaluator admin
        var matrix = new (string Name, Func<string, HttpRequestMessage> Request, int[] Expected)[]
        {
            ("rate", r => Json(HttpMethod.Post, $"/api/tickets/{toRate[r].Id}/rating", new { token = toRate[r].Token, level = "satisfied" }), [201, 403, 403, 403, 403]),
            ("follow-up", r => Json(HttpMethod.Post, $"/api/tickets/{toRate[r].Id}/rating/follow-up", new { token = toRate[r].Token, level = "satisfied" }), [409, 403, 403, 403, 403]),
            ("policy read", _ => new(HttpMethod.Get, $"/api/halls/{h}/rating-policy"), [200, 200, 200, 200, 200]),
            ("policy change", _ => Json(HttpMethod.Put, $"/api/halls/{h}/rating-policy", new { defaultAfterDays = 5 }), [401, 403, 200, 200, 200]),
            // Case deadlines count the hall calendar's days: the hall's own are its managers', national ones the admins'.
            ("calendar day (hall)", _ => Json(HttpMethod.Put, $"/api/halls/{h}/calendar/days/2026-12-31", new { kind = "holiday", name = "闭馆" }), [401, 403, 200, 403, 200]),
            ("calendar day (all halls)", _ => Json(HttpMethod.Put, "/api/calendar/days/2027-01-01", new { kind = "holiday", name = "元旦" }), [401, 403, 403, 403, 200]),
            ("calendar day (all halls) removed", _ => new(HttpMethod.Delete, "/api/calendar/days/2027-01-01"), [401, 403, 403, 403, 204]),
            ("calendar days (all halls) read", _ => new(HttpMethod.Get, "/api/calendar/days?from=2027-01-01&to=2027-12-31"), [200, 200, 200, 200, 200]),
            ("pad pairing", _ => new(HttpMethod.Post, $"/api/halls/{h}/windows/{w}/pad"), [401, 403, 200, 403, 200]),
            ("ratings list", _ => new(HttpMethod.Get, $"/api/ratings?hallId={h}"), [401, 403, 200, 200, 200]),
            ("cases list", _ => new(HttpMethod.Get, $"/api/rating-cases?hallId={h}"), [401, 403, 200, 200, 200]),
            ("case read", r => new(HttpMethod.Get, $"/api/rating-cases/{caseOf[r]}"), [401, 403, 200, 200, 200]),
            ("case verify", r => Json(HttpMethod.Post, $"/api/rating-cases/{caseOf[r]}/verify", new { note = "核实" }), [401, 403, 200, 200, 200]),
            ("case appeal", r => Json(HttpMethod.Post, $"/api/rating-cases/{caseOf[r]}/appeal", new { note = "申诉" }), [401, 403, 200, 200, 200]),
            ("case exclude", r => Json(HttpMethod.Post, $"/api/rating-cases/{appealed[r]}/exclude", new { note = "恶意" }), [401, 403, 403, 200, 200]),
            ("scores", _ => new(HttpMethod.Get, $"/api/halls/{h}/rating-scores?by=window"), [401, 403, 200, 200, 200]),
            ("public results", _ => new(HttpMethod.Get, $"/api/halls/{h}/rating-results"), [200, 200, 200, 200, 200]),
            ("ratings csv", _ => new(HttpMethod.Get, $"/api/ratings/export.csv?hallId={h}"), [401, 403, 403, 200, 200]),
            ("ratings xlsx", _ => new(HttpMethod.Get, $"/api/ratings/export.xlsx?hallId={h}"), [401, 403, 403, 200, 200]),
            ("cases csv", _ => new(HttpMethod.Get, $"/api/rating-cases/export.csv?hallId={h}"), [401, 403, 403, 200, 200]),
            ("cases xlsx", _ => new(HttpMethod.Get, $"/api/rating-cases/export.xlsx?hallId={h}"), [401, 403, 403, 200, 200]),
            // Pages: an anonymous browser is sent to sign in (302); a signed-in account without the role is refused.
            ("console page", _ => new(HttpMethod.Get, "/ratings"), [302, 403, 403, 200, 200]),
            ("case page", r => new(HttpMethod.Get, $"/ratings/cases/{caseOf[r]}"), [302, 403, 403, 200, 200]),
            ("public page", _ => new(HttpMethod.Get, $"/public/{h}"), [200, 200, 200, 200, 200]),
            ("pad page", _ => new(HttpMethod.Get, $"/pad/{h}/{w}"), [200, 200, 200, 200, 200]),
            ("pad pairing page", _ => new(HttpMethod.Get, $"/pad/{h}/{w}/pair"), [302, 403, 200, 403, 200]),
            ("pad pairing form without antiforgery token", _ => Form($"/pad/{h}/{w}/pair", "confirm=pair"), [302, 403, 400, 403, 400]),
            ("phone rating page", r => new(HttpMethod.Get, $"/rate/{toRate[r].Id}?token={Uri.EscapeDataString(toRate[r].Token!)}"), [200, 200, 200, 200, 200]),
        };

        var failures = new List<string>();
        foreach (var (name, request, expected) in matrix)
        {
            for (var i = 0; i < Roles.Length; i++)
            {
                var res = await clients[Roles[i]].SendAsync(request(Roles[i]));
                if ((int)res.StatusCode != expected[i]) failures.Add($"{name} as {Roles[i]}: {(int)res.StatusCode}, expected {expected[i]}");
            }
        }
        Assert.Empty(failures);
    }

    /// <summary>A client that does not follow redirects, signed in with a bearer token unless anonymous.</summary>
    private static async Task<HttpClient> ClientAsync(QueueApp app, string role)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role == "anonymous") return client;
        var res = await client.PostAsJsonAsync("/api/auth/login", new { username = role, password = "demo123" });
        res.EnsureSuccessStatusCode();
        var token = (await res.Content.ReadFromJsonAsync<Login>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static HttpRequestMessage Form(string path, string body) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };

    private sealed record Login(string AccessToken);
}
