using System.Security.Cryptography;

namespace Queue.Web.Citizen;

/// <summary>
/// A phone's anonymous id (cookie <c>qh-device</c>, or header <c>X-Device-Id</c> for apps), so one phone holds
/// one active remote ticket per service. Given out on first use; a script that drops it meets the rate limit.
/// </summary>
public static class DeviceId
{
    public const string Cookie = "qh-device";
    public const string Header = "X-Device-Id";

    public static string For(HttpContext http)
    {
        if (Valid(http.Request.Cookies[Cookie]) is { } fromCookie) return fromCookie;
        if (Valid(http.Request.Headers[Header].ToString()) is { } fromHeader) return fromHeader;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(Cookie, id, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps,
        });
        return id;
    }

    private static string? Valid(string? value) =>
        value is { Length: >= 16 and <= 64 } v && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? v : null;
}
