using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Queue.Tests.Infrastructure;

/// <summary>The API's answers as a client reads them (strings for enums, exactly as on the wire).</summary>
public sealed record TicketDto(Guid Id, string HallId, string ServiceId, string Number, string Status, int? Position, int? PeopleAhead,
    int? EstimatedWaitMinutes, int? WindowNumber, DateTimeOffset IssuedAt, DateTimeOffset? CalledAt, string? Token, string? TrackUrl, string Priority);

public sealed record WindowDto(string Id, int Number, string Name, List<string> ServiceIds, string State);

public sealed record ServiceDto(string Id, string Name, string Category, string Prefix, bool Bookable);

public sealed record HallDto(string Id, string Name, string Level, string? ParentId, List<ServiceDto> Services, List<WindowDto> Windows);

public sealed record ProblemDto(int Status, string Title, string? Detail, string? Code, Dictionary<string, string[]>? Errors);

/// <summary>Ids of the demo seed that tests build on.</summary>
public static class Demo
{
    public const string City = "jc-civic";
    public const string Town = "jc-donghu";
    public const string SocialInsurance = "jc-civic-social-insurance";
    public const string CompanySetup = "jc-civic-company-setup";
    public const string Invoice = "jc-civic-invoice";
    public const string ProvidentFund = "jc-civic-provident-fund";
    public const string ConstructionPermit = "jc-civic-construction-permit";
    public const string ResidencePermit = "jc-civic-residence-permit";

    public const string Village = "jc-qingshan";

    public static string Window(int n, string hall = City) => $"{hall}-w{n:D2}";
}

/// <summary>Calls of the public API, as an outside client makes them.</summary>
public static class ApiCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<TicketDto> IssueAsync(this HttpClient client, string serviceId, string hallId = Demo.City, string channel = "kiosk")
    {
        var res = await client.PostAsJsonAsync($"/api/halls/{hallId}/tickets", new { serviceId, channel });
        if (!res.IsSuccessStatusCode) throw new HttpRequestException($"issue: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        return (await res.Content.ReadFromJsonAsync<TicketDto>(Json))!;
    }

    public static async Task<HttpResponseMessage> WindowAsync(this HttpClient client, int window, string action, object? body = null, string hallId = Demo.City) =>
        await client.PostAsJsonAsync($"/api/halls/{hallId}/windows/{Demo.Window(window, hallId)}/{action}", body ?? new { });

    /// <summary>Signs in a demo account (password demo123) and answers its bearer token.</summary>
    public static async Task<string> SignInAsync(this HttpClient client, string user)
    {
        var res = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = "demo123" });
        res.EnsureSuccessStatusCode();
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>
    /// A window calls, starts and completes tickets until nobody it may serve waits; answers what it called. With
    /// <paramref name="asTerminal"/> each command goes as a terminal on a cluster sends it: keyed and retried on 503.
    /// </summary>
    public static async Task<List<Guid>> ServeUntilEmptyAsync(this HttpClient client, int window, bool asTerminal = false)
    {
        var called = new List<Guid>();
        Task<HttpResponseMessage> Send(string action, object? body = null) => asTerminal
            ? client.PostRetryingAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(window)}/{action}", body ?? new { })
            : client.WindowAsync(window, action, body);
        while (true)
        {
            var res = await Send("call-next");
            if (res.StatusCode == System.Net.HttpStatusCode.NoContent) return called;
            res.EnsureSuccessStatusCode();
            called.Add((await res.ReadAsync<TicketDto>()).Id);
            (await Send("start")).EnsureSuccessStatusCode();
            (await Send("complete", new { outcome = "done" })).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// A POST as a kiosk or terminal of a cluster sends it: with an Idempotency-Key, sent again with the same key while
    /// the answer is 503 (a hall moving between nodes, or a cluster still forming), so a retry never acts twice.
    /// </summary>
    public static async Task<HttpResponseMessage> PostRetryingAsync(this HttpClient client, string path, object body)
    {
        var key = Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            req.Headers.Add("Idempotency-Key", key);
            var res = await client.SendAsync(req);
            if (res.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 20) return res;
            await Task.Delay(res.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    public static async Task<TicketDto> IssueRetryingAsync(this HttpClient client, string serviceId, string hallId = Demo.City)
    {
        var res = await client.PostRetryingAsync($"/api/halls/{hallId}/tickets", new { serviceId, channel = "kiosk" });
        if (!res.IsSuccessStatusCode) throw new HttpRequestException($"issue: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        return (await res.Content.ReadFromJsonAsync<TicketDto>(Json))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage res) =>
        (await res.Content.ReadFromJsonAsync<T>(Json)) ?? throw new InvalidOperationException("empty body");

    public static async Task<ProblemDto> ProblemAsync(this HttpResponseMessage res)
    {
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        return await res.ReadAsync<ProblemDto>();
    }
}
