using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Accounts;
using Queue.Silo.Engine;
using Queue.Silo.Storage;
using Queue.Web.Auth;

namespace Queue.Web.Admin;

/// <summary>
/// Which halls an account administers (design.md §4): admins every hall; a manager their own hall and every hall
/// under it (a city manager the towns and villages below), or every hall when bound to none. Read from the halls
/// table at each check, so a hall created a moment ago is under its parent at once.
/// </summary>
public sealed class HallRights(IDbContextFactory<QueueDb> dbs)
{
    /// <summary>The halls the account administers; null for every hall.</summary>
    public async Task<IReadOnlySet<string>?> ManagedHallsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.IsInRole(Role.Admin)) return null;
        if (!user.IsInRole(Role.Manager)) return new HashSet<string>();
        if (user.FindFirstValue(Claims.Hall) is not { } home) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return HallScope.SelfAndBelow(await HallScope.ChildrenAsync(db, ct), home);
    }

    public async Task<bool> ManagesAsync(ClaimsPrincipal user, string hallId, CancellationToken ct = default) =>
        await ManagedHallsAsync(user, ct) is not { } halls || halls.Contains(hallId);

    public async Task RequireAsync(ClaimsPrincipal user, string hallId, CancellationToken ct = default)
    {
        if (!await ManagesAsync(user, hallId, ct)) throw Forbidden();
    }

    public static HallException Forbidden() =>
        new(RefusalKind.Forbidden, "hall.forbidden", "hall.forbidden");
}
