using System.Globalization;
using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Queue.Silo.Accounts;
using Queue.Silo.Hosting;
using Queue.Web.Infrastructure;

namespace Queue.Web.Auth;

public sealed record LoginRequest([property: Required] string? Username, [property: Required] string? Password);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        // API sign-in: answers {tokenType, accessToken, expiresIn, refreshToken}.
        routes.MapPost("/api/auth/login", async (LoginRequest? body, AccountService accounts, IStringLocalizer<Refusals> R) =>
        {
            var req = Validate.Body(body);
            var result = await accounts.SignInAsync(Validate.Id(req.Username, "username"), Validate.Text(req.Password, "password", 200) ?? "");
            if (result.Locked)
                return Results.Problem(statusCode: 401, title: "Account locked", extensions: new Dictionary<string, object?> { ["code"] = "account.locked" },
                    detail: R.Word("account.locked", AccountService.MaxFailedSignIns.ToString(CultureInfo.InvariantCulture), AccountService.LockFor.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)));
            if (result.Account is not { } account) return Results.Problem(statusCode: 401, title: "Wrong user name or password");
            return Results.SignIn(Claims.For(account, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).WithTags("auth").RequireRateLimiting(RateLimits.Login).Produces<AccessTokenResponse>();

        // Page sign-in: a plain form post that sets the cookie and returns to the page asked for.
        routes.MapPost("/account/login", async ([FromForm] string username, [FromForm] string password, [FromForm] string? returnUrl,
            AccountService accounts, HttpContext http) =>
        {
            var result = await accounts.SignInAsync(username, password);
            var back = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
            if (result.Account is not { } account) return Results.Redirect($"/login?failed={(result.Locked ? "locked" : "1")}&returnUrl={Uri.EscapeDataString(back)}");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Claims.For(account, CookieAuthenticationDefaults.AuthenticationScheme));
            // Staff who sign in from nowhere in particular came to work: their own window's terminal, not the public home page.
            return Results.Redirect(back == "/" && WindowOf(account) is { } terminal ? terminal : back);
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Login).ExcludeFromDescription();

        // The home page's terminal link: signed-in staff go to the window they work, managers to the hall's first window.
        routes.MapGet("/terminal/{hallId}", (string hallId, HttpContext http, HallClient halls) => TerminalOf(hallId, http, halls))
            .ExcludeFromDescription();

        routes.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        }).DisableAntiforgery().ExcludeFromDescription();
        return routes;
    }

    private static string? WindowOf(Account account) =>
        account is { Role: Role.Staff, HallId: { } hall, WindowId: { } window } ? $"/terminal/{Uri.EscapeDataString(hall)}/{Uri.EscapeDataString(window)}" : null;

    private static async Task<IResult> TerminalOf(string hallId, HttpContext http, HallClient halls)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return Results.Redirect($"/login?returnUrl={Uri.EscapeDataString($"/terminal/{hallId}")}");
        if (user.IsInRole(Role.Staff) && user.FindFirstValue(Claims.Hall) == hallId && user.FindFirstValue(Claims.Window) is { } own)
            return Results.Redirect($"/terminal/{Uri.EscapeDataString(hallId)}/{Uri.EscapeDataString(own)}");
        var first = (await halls.SnapshotAsync(hallId)).Detail.Windows.OrderBy(w => w.Number).FirstOrDefault();
        return first is null ? Results.NotFound() : Results.Redirect($"/terminal/{Uri.EscapeDataString(hallId)}/{Uri.EscapeDataString(first.Id)}");
    }
}
