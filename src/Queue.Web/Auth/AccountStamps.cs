using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Queue.Silo.Accounts;

namespace Queue.Web.Auth;

/// <summary>
/// A signed-in cookie or token stays good only while its account is as it was at sign-in: disabling the account,
/// resetting or changing its password, or changing its role or hall ends every session signed in before — on the
/// node that made the change at once, on the others within <see cref="CacheFor"/> (each node reads an account at
/// most that often).
/// </summary>
public sealed class AccountStamps(AccountService accounts, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    /// <summary>What a session depends on, hashed: the role and hall its rights come from, and the password it signed in with.</summary>
    public static string Of(Account account) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{account.Role}\n{account.HallId}\n{account.PasswordHash}")))[..20];

    /// <summary>After a change on this node: the next request of that account reads it again.</summary>
    public void Forget(string accountId) => cache.Remove(Key(accountId));

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.AccountId() is not { } id || user.FindFirstValue(Claims.Stamp) is not { } stamp) return false;
        var now = await cache.GetOrCreateAsync(Key(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var account = await accounts.FindAsync(id, ct);
            return account is null || account.Disabled ? "" : Of(account);
        });
        return now is { Length: > 0 } && now == stamp;
    }

    /// <summary>Middleware after authentication: a request whose session has ended goes on as anonymous (API 401, pages to sign-in).</summary>
    public static async Task CheckAsync(HttpContext http, Func<Task> next)
    {
        if (http.User.Identity?.IsAuthenticated == true &&
            !await http.RequestServices.GetRequiredService<AccountStamps>().IsCurrentAsync(http.User, http.RequestAborted))
        {
            if (http.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next();
    }

    private static string Key(string accountId) => "account-stamp:" + accountId;
}
