using Queue.Display.Shared;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Queue.Silo.Accounts;
using Queue.Silo.Audit;
using Queue.Silo.Engine;
using Queue.Web.Admin;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;
using Queue.Web.Setup;

namespace Queue.Web.Api;

public sealed record SetupRequest([property: Required] string? Username, [property: Required] string? Password, [property: Required] string? DisplayName);

/// <summary>The first start without the demo: the first admin, once, from the server itself or with the logged setup token.</summary>
public static class SetupEndpoints
{
    public static IEndpointRouteBuilder MapSetup(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/setup", async Task<Created<AccountView>> (SetupRequest? body, [FromHeader(Name = SetupToken.Header)] string? setupToken,
            HttpContext http, SetupToken setup, AccountService accounts, AuditLog audit) =>
        {
            var account = await CreateAsync(Validate.Body(body), setupToken, http, setup, accounts, audit);
            return TypedResults.Created($"/api/accounts/{account.Id}", AccountView.Of(account));
        }).WithTags("setup").RequireRateLimiting(RateLimits.Login);

        // The /setup page's plain form: creates the admin, signs them in and opens /admin.
        routes.MapPost("/setup", async ([FromForm] string? username, [FromForm] string? password, [FromForm] string? displayName, [FromForm] string? setupToken,
            HttpContext http, SetupToken setup, AccountService accounts, AuditLog audit) =>
        {
            try
            {
                var account = await CreateAsync(new SetupRequest(username, password, displayName), setupToken, http, setup, accounts, audit);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Claims.For(account, CookieAuthenticationDefaults.AuthenticationScheme));
                return Results.Redirect("/admin");
            }
            catch (HallException e)
            {
                // The refusal's key and arguments, worded by the page: a link can only show wordings of the catalog.
                return Results.Redirect($"/setup?{FormRefusal.Query(e)}");
            }
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Login).ExcludeFromDescription();
        return routes;
    }

    private static async Task<Account> CreateAsync(SetupRequest req, string? setupToken, HttpContext http, SetupToken setup, AccountService accounts, AuditLog audit)
    {
        var errors = new FieldErrors();
        var userName = errors.Id(req.Username, "username", required: true);
        var displayName = errors.Text(req.DisplayName, "displayName", 100, required: true);
        var password = PasswordRules.Check(errors, req.Password, "password", userName);
        errors.ThrowIfAny();
        if (await accounts.AnyAsync())
            throw HallException.Conflict("setup.done");
        if (!setup.Allows(http, setupToken))
            throw new HallException(RefusalKind.Forbidden, "setup.token", "setup.token");
        return await accounts.CreateFirstAdminAsync(userName!, displayName!, password!,
            a => audit.Entry("setup", null, "account.create", $"account:{a.UserName}", null, AccountView.Of(a)));
    }
}
