using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Accounts;
using Queue.Silo.Audit;
using Queue.Silo.Engine;
using Queue.Silo.Storage;
using Queue.Web.Auth;

namespace Queue.Web.Admin;

/// <summary>
/// Accounts (design.md §4): an admin manages every account; a manager the staff of the halls they manage (a city
/// manager those of the towns and villages under it), and only as staff. Every change is in the audit log.
/// </summary>
public sealed class AccountAdministration(AccountService accounts, HallRights rights, AuditLog audit, IDbContextFactory<QueueDb> dbs, AccountStamps stamps)
{
    public async Task<IReadOnlyList<AccountView>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsInRole(Role.Admin) && !user.IsInRole(Role.Manager)) throw Forbidden();
        var halls = await rights.ManagedHallsAsync(user, ct);
        return [.. (await accounts.ListAsync(halls?.ToList(), ct)).Select(AccountView.Of)];
    }

    public async Task<AccountView> CreateAsync(ClaimsPrincipal user, string userName, AccountDraft draft, string password, CancellationToken ct = default)
    {
        await RequireMayAssignAsync(user, draft, ct);
        await RequireHallAndWindowAsync(draft, ct);
        var account = await accounts.CreateAsync(userName, draft.DisplayName, draft.Role, draft.HallId, draft.StaffNumber, draft.WindowId, password,
            a => audit.Entry(AuditActor.Of(user), a.HallId, "account.create", $"account:{a.UserName}", null, AccountView.Of(a)), ct);
        return AccountView.Of(account);
    }

    public async Task<AccountView> UpdateAsync(ClaimsPrincipal user, string id, AccountDraft draft, CancellationToken ct = default)
    {
        await RequireMayChangeAsync(user, id, ct);
        await RequireMayAssignAsync(user, draft, ct);
        await RequireHallAndWindowAsync(draft, ct);
        if (id == user.AccountId() && draft.Role != Role.Admin && user.IsInRole(Role.Admin))
            throw HallException.Conflict("account.ownRole");
        var (_, after) = await accounts.ChangeAsync(id, a =>
        {
            a.DisplayName = draft.DisplayName;
            a.StaffNumber = draft.StaffNumber;
            a.HallId = draft.HallId;
            a.WindowId = draft.WindowId;
            a.SetRole(draft.Role);
        }, Audited(user, "account.update"), ct);
        return Changed(after);
    }

    public async Task<AccountView> SetDisabledAsync(ClaimsPrincipal user, string id, bool disabled, CancellationToken ct = default)
    {
        await RequireMayChangeAsync(user, id, ct);
        if (disabled && id == user.AccountId()) throw HallException.Conflict("account.self");
        var (_, after) = await accounts.ChangeAsync(id, a => a.Disabled = disabled, Audited(user, disabled ? "account.disable" : "account.enable"), ct);
        return Changed(after);
    }

    public async Task<AccountView> ResetPasswordAsync(ClaimsPrincipal user, string id, string password, CancellationToken ct = default)
    {
        await RequireMayChangeAsync(user, id, ct);
        // The log says that the password was reset, never what to.
        var (_, after) = await accounts.ResetPasswordAsync(id, password, Audited(user, "account.resetPassword"), ct);
        return Changed(after);
    }

    public async Task ChangeOwnPasswordAsync(ClaimsPrincipal user, string current, string next, CancellationToken ct = default)
    {
        var id = user.AccountId() ?? throw HallRights.Forbidden();
        await accounts.ChangeOwnPasswordAsync(id, current, next,
            a => audit.Entry(AuditActor.Of(user), a.HallId, "account.changeOwnPassword", $"account:{a.UserName}", null, null), ct);
        stamps.Forget(id);
    }

    /// <summary>The audit entry of an account change, saved with the change in one transaction.</summary>
    private Func<Account, Account, AuditEntry> Audited(ClaimsPrincipal user, string action) => (before, after) =>
        audit.Entry(AuditActor.Of(user), after.HallId ?? before.HallId, action, $"account:{after.UserName}", AccountView.Of(before), AccountView.Of(after));

    /// <summary>After a change: this node reads the account again for its sessions (<see cref="AccountStamps"/>).</summary>
    private AccountView Changed(Account after)
    {
        stamps.Forget(after.Id);
        return AccountView.Of(after);
    }

    /// <summary>An admin assigns anything; a manager only the staff role, in a hall they manage.</summary>
    private async Task RequireMayAssignAsync(ClaimsPrincipal user, AccountDraft draft, CancellationToken ct)
    {
        if (user.IsInRole(Role.Admin)) return;
        if (!user.IsInRole(Role.Manager) || draft.Role != Role.Staff || draft.HallId is null || !await rights.ManagesAsync(user, draft.HallId, ct))
            throw Forbidden();
    }

    /// <summary>An unknown account is 404 for those who may manage accounts at all; a manager changes only staff of their halls.</summary>
    private async Task RequireMayChangeAsync(ClaimsPrincipal user, string id, CancellationToken ct)
    {
        if (!user.IsInRole(Role.Admin) && !user.IsInRole(Role.Manager)) throw Forbidden();
        var target = await accounts.FindAsync(id, ct) ?? throw HallException.NotFound("account", id);
        if (user.IsInRole(Role.Admin)) return;
        if (target.Role != Role.Staff || target.HallId is null || !await rights.ManagesAsync(user, target.HallId, ct)) throw Forbidden();
    }

    private async Task RequireHallAndWindowAsync(AccountDraft draft, CancellationToken ct)
    {
        if (draft.Role == Role.Staff && draft.HallId is null) throw HallException.Invalid("hallId", "invalid.hallId.staff");
        if (draft.Role == Role.Admin && draft.HallId is not null) throw HallException.Invalid("hallId", "invalid.hallId.admin");
        if (draft.WindowId is not null && draft.Role != Role.Staff) throw HallException.Invalid("windowId", "invalid.windowId.notStaff");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (draft.HallId is not null && !await db.Halls.AnyAsync(h => h.Id == draft.HallId, ct))
            throw HallException.Invalid("hallId", "invalid.hallId.unknown", ("hallId", draft.HallId));
        if (draft.WindowId is not null && !await db.Windows.AnyAsync(w => w.Id == draft.WindowId && w.HallId == draft.HallId, ct))
            throw HallException.Invalid("windowId", "invalid.windowId.otherHall", ("windowId", draft.WindowId));
    }

    private static HallException Forbidden() =>
        new(RefusalKind.Forbidden, "account.forbidden", "account.forbidden");
}
