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

    /// <summary>A window calls, starts and completes tickets until nobody it may serve waits; answers what it called.</summary>
    public static async Task<List<Guid>> ServeUntilEmptyAsync(this HttpClient client, int window)
    {
        var called = new List<Guid>();
        while (true)
        {
            var res = await client.WindowAsync(window, "call-next");
            if (res.StatusCode == System.Net.HttpStatusCode.NoContent) return called;
            res.EnsureSuccessStatusCode();
            called.Add((await res.ReadAsync<TicketDto>()).Id);
            (await client.WindowAsync(window, "start")).EnsureSuccessStatusCode();
            (await client.WindowAsync(window, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
        }
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage res) =>
        (await res.Content.ReadFromJsonAsync<T>(Json)) ?? throw new InvalidOperationException("empty body");

    public static async Task<ProblemDto> ProblemAsync(this HttpResponseMessage res)
    {
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        return await res.ReadAsync<ProblemDto>();
    }
}
