using Microsoft.AspNetCore.Localization;
using Queue.Display.Shared;

namespace Queue.Web.Infrastructure;

/// <summary><c>/culture?lang=en&amp;back=/kiosk/x</c>: remembers the chosen language (中文 first; any of <see cref="Languages.All"/>) in a cookie.</summary>
public static class CultureSwitch
{
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/culture", (string? lang, string? back, HttpContext http) =>
        {
            var culture = Languages.Choose(lang).Name;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.Redirect(back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//") ? back : "/");
        }).ExcludeFromDescription();
        return routes;
    }
}
