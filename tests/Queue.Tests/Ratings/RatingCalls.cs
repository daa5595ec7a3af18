using System.Net;
using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>Steps the rating tests share: serve a ticket at a window, rate it, read its case.</summary>
public static class RatingCalls
{
    /// <summary>A Friday morning in Jiangcheng (2026-11-20 09:00 +08:00, kept in UTC as clocks are), so deadline tests cross a weekend.</summary>
    public static readonly DateTimeOffset Friday = Local(2026, 11, 20, 9);

    /// <summary>A Jiangcheng wall-clock time, as the UTC instant a <see cref="TimeProvider"/> answers.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour) => new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>Issues a ticket for <paramref name="serviceId"/> and serves it to the end at the staff member's window.</summary>
    public static async Task<TicketDto> ServeAsync(this HttpClient staff, HttpClient citizen, int window, string serviceId = Demo.CompanySetup)
    {
        var ticket = await citizen.IssueAsync(serviceId);
        var called = await (await staff.WindowAsync(window, "call-next")).ReadAsync<TicketDto>();
        Assert.Equal(ticket.Id, called.Id);
        (await staff.WindowAsync(window, "start")).EnsureSuccessStatusCode();
        (await staff.WindowAsync(window, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
        return ticket;
    }

    public static Task<HttpResponseMessage> RateAsync(this HttpClient client, TicketDto ticket, string level, string[]? tags = null, string? comment = null,
        string? phone = null, string? token = null) =>
        client.PostAsJsonAsync($"/api/tickets/{ticket.Id}/rating", new { token = token ?? ticket.Token, level, tags = tags ?? [], comment, phone });

    public static async Task<RatingDto> RatedAsync(this HttpClient client, TicketDto ticket, string level, string[]? tags = null, string? comment = null, string? phone = null)
    {
        var res = await client.RateAsync(ticket, level, tags, comment, phone);
        Assert.True(res.StatusCode == HttpStatusCode.Created, $"rating: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        return await res.ReadAsync<RatingDto>();
    }

    public static async Task<CaseDto> CaseOfAsync(this HttpClient evaluator, Guid ticketId)
    {
        var cases = await evaluator.GetFromJsonAsync<List<CaseDto>>($"/api/rating-cases?hallId={Demo.City}", ApiCalls.Json);
        var c = cases!.Single(x => x.TicketId == ticketId);
        return (await evaluator.GetFromJsonAsync<CaseDto>($"/api/rating-cases/{c.Id}", ApiCalls.Json))!;
    }

    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, Guid caseId, string action, string note = "已处理") =>
        client.PostAsJsonAsync($"/api/rating-cases/{caseId}/{action}", new { note });
}
