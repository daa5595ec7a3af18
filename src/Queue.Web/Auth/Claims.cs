using System.Security.Claims;
using Queue.Silo.Accounts;

namespace Queue.Web.Auth;

/// <summary>The claims a signed-in account carries, and the checks built on them.</summary>
public static class Claims
{
    public const string Hall = "hall";
    public const string Window = "window";
    public const string DisplayName = "displayName";
    public const string StaffNumber = "staffNumber";

    /// <summary>The account as it was at sign-in (<see cref="AccountStamps"/>).</summary>
    public const string Stamp = "stamp";

    public static ClaimsPrincipal For(Account account, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.Role, account.Role),
            new(DisplayName, account.DisplayName),
            new(StaffNumber, account.StaffNumber),
            new(Stamp, AccountStamps.Of(account)),
        };
        if (account.HallId is not null) claims.Add(new(Hall, account.HallId));
        if (account.WindowId is not null) claims.Add(new(Window, account.WindowId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static string? AccountId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Admins everywhere; managers in their hall and the halls below it (or every hall when not bound to one).</summary>
    public static bool ManagesHall(this ClaimsPrincipal user, string hallId) =>
        user.IsInRole(Role.Admin) || (user.IsInRole(Role.Manager) && user.IsHomeOrAbove(hallId));

    /// <summary>Not bound to a hall, or bound to this one or a hall above it (<see cref="HallScope"/>).</summary>
    public static bool IsHomeOrAbove(this ClaimsPrincipal user, string hallId) =>
        user.FindFirstValue(Hall) is not { } hall || hall == hallId || user.HasClaim(HallScope.Below, hallId);

    /// <summary>
    /// Staff work whichever window of their hall they sit at today (轮岗; the window records who works it); managers
    /// and admins any window of their halls.
    /// </summary>
    public static bool WorksWindow(this ClaimsPrincipal user, string hallId, string windowId) =>
        user.ManagesHall(hallId) || (user.IsInRole(Role.Staff) && user.FindFirstValue(Hall) == hallId);
}
