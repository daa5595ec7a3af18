using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Queue.Silo.Accounts;

namespace Queue.Web.Auth;

/// <summary>
/// Bearer tokens for API clients and cookies for the pages, chosen per request by the Authorization
/// header. Both are protected with the shared data-protection keys, so any node accepts them.
/// </summary>
public static class AuthSetup
{
    public const string Smart = "BearerOrCookie";
    public const string StaffPolicy = "staff";
    public const string ManagerPolicy = "manager";
    public const string EvaluatorPolicy = "evaluator";
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddQueueAuth(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultChallengeScheme = Smart;
            })
            .AddPolicyScheme(Smart, "Bearer or cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ||
                (http.Request.Path.StartsWithSegments("/hubs") && http.Request.Query.ContainsKey("access_token"))
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddBearerToken(o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(12);
                o.Events.OnMessageReceived = ctx =>
                {
                    // WebSockets cannot carry headers: hub clients send the token in the query string.
                    if (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query["access_token"] is { Count: > 0 } token)
                        ctx.Token = token;
                    return Task.CompletedTask;
                };
            })
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Cookie.Name = "queuehall.auth";
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, 401);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, 403);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Role.Staff, Role.Manager, Role.Admin))
            .AddPolicy(ManagerPolicy, p => p.RequireRole(Role.Manager, Role.Admin))
            .AddPolicy(EvaluatorPolicy, p => p.RequireRole(Role.Evaluator, Role.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Role.Admin));
        return services;
    }

    /// <summary>API callers get a status code, browsers a redirect to the sign-in page.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
