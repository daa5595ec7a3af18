namespace Queue.Web.Citizen;

/// <summary>
/// The phone remembers its tickets in cookies <c>qh-t-{ticketId}</c> = token (set on issue and by the tracking
/// page), so scanning the hall's presence code with the phone's camera finds the ticket to check in.
/// </summary>
public static class TicketCookie
{
    public const string Prefix = "qh-t-";

    public static void Remember(HttpContext http, Guid ticketId, string token) =>
        http.Response.Cookies.Append(Prefix + ticketId.ToString("N"), token, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(1), HttpOnly = false, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps,
        });

    /// <summary>The tickets this browser holds, newest cookies first as the browser sends them.</summary>
    public static IEnumerable<(Guid TicketId, string Token)> Held(HttpContext http)
    {
        foreach (var (name, value) in http.Request.Cookies)
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || value.Length is 0 or > 128) continue;
            if (Guid.TryParse(name.AsSpan(Prefix.Length), out var id)) yield return (id, value);
        }
    }
}
