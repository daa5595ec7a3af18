using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Queue.Web.Citizen;

/// <summary>
/// What a citizen typed into the booking form, carried back to it after a refusal so nothing has to be typed again.
/// The form is a plain post answered by a redirect; the values travel in a protected, short-lived, HTTP-only cookie
/// for this hall's booking page rather than in the URL, where an ID number would end up in logs and history.
/// Read once: the page deletes it.
/// </summary>
public sealed record BookingFormEcho(string? ServiceId, string? Date, long? Slot, string? Name, string? Phone, string? IdNumber)
{
    private const string Cookie = "qh-book-form";
    private const string Purpose = "QueueHall.BookingFormEcho";

    public void Save(HttpContext http, string hallId)
    {
        var protector = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        http.Response.Cookies.Append(Cookie, protector.Protect(JsonSerializer.Serialize(this)), Options(http, hallId, TimeSpan.FromMinutes(10)));
    }

    /// <summary>The values left by the last refused post to this hall's form, if any (and forgets them).</summary>
    public static BookingFormEcho? Take(HttpContext http, string hallId)
    {
        if (!http.Request.Cookies.TryGetValue(Cookie, out var value)) return null;
        if (!http.Response.HasStarted) http.Response.Cookies.Delete(Cookie, Options(http, hallId, null));
        try
        {
            var protector = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
            return JsonSerializer.Deserialize<BookingFormEcho>(protector.Unprotect(value));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null; // tampered with or from keys since rotated: the form simply starts empty
        }
    }

    private static CookieOptions Options(HttpContext http, string hallId, TimeSpan? maxAge) => new()
    {
        Path = $"/book/{Uri.EscapeDataString(hallId)}",
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
