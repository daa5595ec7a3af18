using System.Net.Http.Json;
using Queue.Silo.Booking;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Citizen;

public sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End, int Capacity, int Remaining, bool Past);

public sealed record BookingDto(Guid Id, string HallId, string ServiceId, DateOnly Day, DateTimeOffset SlotStart, DateTimeOffset SlotEnd, string Code,
    string Name, string Phone, string Status, Guid? TicketId, string? Token);

public sealed record PresenceCodeDto(string HallId, string Code, string Url, DateTimeOffset ExpiresAt);

/// <summary>The citizen's calls of the public API, and a clock on a known Monday in Shanghai.</summary>
public static class CitizenApi
{
    /// <summary>Monday 23 November 2026, 07:00 in Shanghai (before opening): a working day in every default calendar.</summary>
    public static readonly DateTimeOffset MondayMorning = Shanghai(23, 7);

    /// <summary>A moment of November 2026 in Shanghai, as UTC (the engine's clocks and PostgreSQL expect UTC).</summary>
    public static DateTimeOffset Shanghai(int day, int hour, int minute = 0) => new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>Rate limits out of the way, except where a test sets its own.</summary>
    public static Dictionary<string, string?> Settings(int bookingsPerMinute = 100000) => new()
    {
        ["RateLimits:BookingsPerMinute"] = bookingsPerMinute.ToString(),
    };

    private static int serial;

    /// <summary>A fresh valid ID number (GB 11643 check digit computed).</summary>
    public static string NewIdNumber()
    {
        var n = Interlocked.Increment(ref serial) % 1000;
        var first17 = $"42010219850612{n:D3}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, string serviceId, DateTimeOffset slotStart, string? idNumber = null,
        string hallId = Demo.City, string name = "张小三", string phone = "13812345678") =>
        client.PostAsJsonAsync($"/api/halls/{hallId}/bookings", new { serviceId, slotStart, name, phone, idNumber = idNumber ?? NewIdNumber() });

    public static async Task<BookingDto> BookedAsync(this HttpClient client, string serviceId, DateTimeOffset slotStart, string? idNumber = null)
    {
        var res = await client.BookAsync(serviceId, slotStart, idNumber);
        if (!res.IsSuccessStatusCode) throw new HttpRequestException($"book: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        return await res.ReadAsync<BookingDto>();
    }

    public static async Task<List<SlotDto>> SlotsAsync(this HttpClient client, string serviceId, string date, string hallId = Demo.City) =>
        (await client.GetFromJsonAsync<List<SlotDto>>($"/api/halls/{hallId}/services/{serviceId}/slots?date={date}", ApiCalls.Json))!;

    public static Task<HttpResponseMessage> CheckInAsync(this HttpClient client, BookingDto booking, string? token = null) =>
        client.PostAsJsonAsync($"/api/bookings/{booking.Id}/check-in", new { token = token ?? booking.Token });

    public static async Task<PresenceCodeDto> PresenceCodeAsync(this HttpClient client, string hallId = Demo.City) =>
        (await client.GetFromJsonAsync<PresenceCodeDto>($"/api/halls/{hallId}/presence-code", ApiCalls.Json))!;

    public static Task<HttpResponseMessage> ArriveAsync(this HttpClient client, TicketDto ticket, string code) =>
        client.PostAsJsonAsync($"/api/tickets/{ticket.Id}/arrive", new { token = ticket.Token, code });

    public static async Task<string?> CodeOfAsync(this HttpResponseMessage res) => (await res.ProblemAsync()).Code;
}
