using System.Net;
using System.Net.Http.Json;
using System.Text;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Api;

/// <summary>
/// Nasty input gets a clear 4xx problem-details answer and changes nothing: the hall's event sequence
/// number (bumped by every accepted change) is the same before and after.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private QueueApp app = null!;
    private HttpClient anonymous = null!;

    public async Task InitializeAsync()
    {
        app = await QueueApp.StartAsync();
        anonymous = app.CreateClient();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<long> SeqAsync() =>
        (await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/halls/{Demo.City}/board")).GetProperty("seq").GetInt64();

    private async Task<ProblemDto> ExpectProblem(HttpResponseMessage res, HttpStatusCode status)
    {
        Assert.Equal(status, res.StatusCode);
        var problem = await res.ProblemAsync();
        Assert.Equal((int)status, problem.Status);
        return problem;
    }

    private static StringContent JsonText(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task MalformedOrIncompleteTicketRequestsAreRefusedWithFieldErrors()
    {
        var before = await SeqAsync();
        var url = $"/api/halls/{Demo.City}/tickets";
        await ExpectProblem(await anonymous.PostAsync(url, JsonText("{\"serviceId\":")), HttpStatusCode.BadRequest);
        await ExpectProblem(await anonymous.PostAsync(url, JsonText("[1,2,3]")), HttpStatusCode.BadRequest);
        await ExpectProblem(await anonymous.PostAsync(url, JsonText("{\"serviceId\": 42, \"channel\": \"kiosk\"}")), HttpStatusCode.BadRequest);
        await ExpectProblem(await anonymous.PostAsync(url, JsonText("{\"serviceId\": \"x\", \"channel\": \"carrier-pigeon\"}")), HttpStatusCode.BadRequest);
        var missing = await ExpectProblem(await anonymous.PostAsync(url, JsonText("{\"channel\": \"kiosk\"}")), HttpStatusCode.BadRequest);
        Assert.Contains("serviceId", missing.Errors!.Keys);
        var noChannel = await ExpectProblem(await anonymous.PostAsync(url, JsonText($"{{\"serviceId\": \"{Demo.Invoice}\"}}")), HttpStatusCode.BadRequest);
        Assert.Contains("channel", noChannel.Errors!.Keys);
        await ExpectProblem(await anonymous.PostAsync(url, JsonText("")), HttpStatusCode.BadRequest);
        var wrongType = await anonymous.PostAsync(url, new StringContent("serviceId=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        await ExpectProblem(await anonymous.PostAsync(url, JsonText($"{{\"serviceId\": \"{new string('x', 500)}\", \"channel\": \"kiosk\"}}")), HttpStatusCode.BadRequest);
        Assert.Equal(before, await SeqAsync());
    }

    [Fact]
    public async Task OversizedBodiesAreRefusedBeforeAnythingIsRead()
    {
        // The body limit is Kestrel's, so this runs on the real server rather than the in-memory one.
        await using var real = await QueueApp.StartAsync(kestrel: true);
        using var client = new HttpClient { BaseAddress = real.Address };
        var board = $"/api/halls/{Demo.City}/board";
        var before = (await client.GetFromJsonAsync<System.Text.Json.JsonElement>(board)).GetProperty("seq").GetInt64();
        var huge = "{\"serviceId\": \"" + new string('a', 2 * 1024 * 1024) + "\", \"channel\": \"kiosk\"}";
        var res = await client.PostAsync($"/api/halls/{Demo.City}/tickets", JsonText(huge));
        await ExpectProblem(res, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, (await client.GetFromJsonAsync<System.Text.Json.JsonElement>(board)).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task UnknownIdsAreNotFound()
    {
        await ExpectProblem(await anonymous.GetAsync("/api/halls/no-such-hall"), HttpStatusCode.NotFound);
        await ExpectProblem(await anonymous.GetAsync("/api/halls/no-such-hall/board"), HttpStatusCode.NotFound);
        await ExpectProblem(await anonymous.PostAsJsonAsync("/api/halls/no-such-hall/tickets", new { serviceId = Demo.Invoice, channel = "kiosk" }), HttpStatusCode.NotFound);
        await ExpectProblem(await anonymous.PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = "no-such-service", channel = "kiosk" }), HttpStatusCode.NotFound);
        await ExpectProblem(await anonymous.GetAsync($"/api/tickets/{Guid.NewGuid()}?token=abc"), HttpStatusCode.NotFound);
        var staff = await app.SignedInAsync("manager");
        await ExpectProblem(await staff.PostAsync($"/api/halls/{Demo.City}/windows/no-such-window/call-next", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/tickets/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task ATicketIsOnlyReadableOrCancellableWithItsToken()
    {
        var ticket = await anonymous.IssueAsync(Demo.Invoice);
        var before = await SeqAsync();
        await ExpectProblem(await anonymous.GetAsync($"/api/tickets/{ticket.Id}"), HttpStatusCode.NotFound);
        await ExpectProblem(await anonymous.GetAsync($"/api/tickets/{ticket.Id}?token=wrong"), HttpStatusCode.NotFound);
        await ExpectProblem(await anonymous.DeleteAsync($"/api/tickets/{ticket.Id}?token={ticket.Token}x"), HttpStatusCode.NotFound);
        Assert.Equal(before, await SeqAsync());

        Assert.Equal(HttpStatusCode.OK, (await anonymous.DeleteAsync($"/api/tickets/{ticket.Id}?token={ticket.Token}")).StatusCode);
        // A replayed cancel is a state conflict, not a second cancellation.
        var afterCancel = await SeqAsync();
        await ExpectProblem(await anonymous.DeleteAsync($"/api/tickets/{ticket.Id}?token={ticket.Token}"), HttpStatusCode.Conflict);
        Assert.Equal(afterCancel, await SeqAsync());
    }

    [Fact]
    public async Task WrongRolesAreRefused()
    {
        var before = await SeqAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/call-next", null)).StatusCode);
        var staff7 = await app.SignedInAsync("staff07");
        // Staff work any window of their own hall (issue 15: 轮岗), never a window of another hall.
        await ExpectProblem(await staff7.PostAsync($"/api/halls/{Demo.Town}/windows/{Demo.Window(1, Demo.Town)}/open", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff7.PutAsJsonAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/services", new { serviceIds = new[] { Demo.Invoice } })).StatusCode);
        var evaluator = await app.SignedInAsync("evaluator");
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/call-next", null)).StatusCode);
        var badLogin = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "staff07", password = "wrong" });
        await ExpectProblem(badLogin, HttpStatusCode.Unauthorized);
        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8forgedtoken");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/call-next", null)).StatusCode);
        Assert.Equal(before, await SeqAsync());
    }

    [Fact]
    public async Task CommandsTheStateDoesNotAllowAreConflicts()
    {
        var staff = await app.SignedInAsync("staff07");
        await app.AttendAsync(7); // at the window: opening it again is then a conflict, not taking it
        var before = await SeqAsync();
        foreach (var action in new[] { "recall", "start", "no-show" })
            Assert.Equal("window.noTicket", (await ExpectProblem(await staff.WindowAsync(7, action), HttpStatusCode.Conflict)).Code);
        await ExpectProblem(await staff.WindowAsync(7, "complete", new { outcome = "done" }), HttpStatusCode.Conflict);
        await ExpectProblem(await staff.WindowAsync(7, "open"), HttpStatusCode.Conflict);
        await ExpectProblem(await staff.WindowAsync(7, "resume"), HttpStatusCode.Conflict);
        Assert.Equal(before, await SeqAsync());
        // Field validation comes before state: an unknown outcome is a 400 even with no ticket.
        await ExpectProblem(await staff.WindowAsync(7, "complete", new { outcome = "magic" }), HttpStatusCode.BadRequest);
        await ExpectProblem(await staff.WindowAsync(7, "complete", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(before, await SeqAsync());
    }

    [Fact]
    public async Task TicketIssuingIsRateLimitedPerClient()
    {
        await using var limited = await QueueApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:TicketsPerMinute"] = "3" });
        var client = limited.CreateClient();
        for (var i = 0; i < 3; i++) await client.IssueAsync(Demo.Invoice);
        var res = await client.PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = Demo.Invoice, channel = "mobile" });
        Assert.Equal(HttpStatusCode.TooManyRequests, res.StatusCode);
        Assert.Equal(429, (await res.ProblemAsync()).Status);
    }
}
