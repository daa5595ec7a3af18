using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Audit;
using Queue.Silo.Engine;
using Queue.Silo.Storage;

namespace Queue.Silo.Accounts;

/// <summary>
/// Checks passwords (PBKDF2 through ASP.NET Core Identity's hasher), locks an account after repeated failed
/// sign-ins, and keeps the accounts an administrator creates and edits. Rights are the caller's to check.
/// </summary>
public sealed class AccountService(IDbContextFactory<QueueDb> dbs, TimeProvider time)
{
    /// <summary>Failed sign-ins in a row that lock an account …</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>… for this long (a guessing attacker gets five tries per quarter hour).</summary>
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    public const int MinPasswordLength = 8;

    private static readonly PasswordHasher<Account> Hasher = new();

    public static void SetPassword(Account account, string password) => account.PasswordHash = Hasher.HashPassword(account, password);

    /// <summary>The account when the password is right and the account may sign in; null otherwise.</summary>
    public async Task<Account?> VerifyAsync(string userName, string password, CancellationToken ct = default) =>
        (await SignInAsync(userName, password, ct)).Account;

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
        {
            // Hash anyway so an unknown user name takes as long as a wrong password.
            Hasher.HashPassword(new Account("", userName, "", ""), password);
            return new SignInResult(null, false);
        }
        var now = time.GetUtcNow();
        if (account.LockedUntil is { } until && until > now)
        {
            Hasher.HashPassword(account, password);
            return new SignInResult(null, true);
        }
        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            var locked = account.FailedSignIns >= MaxFailedSignIns;
            if (locked)
            {
                account.LockedUntil = now + LockFor;
                account.FailedSignIns = 0;
            }
            await db.SaveChangesAsync(ct);
            return new SignInResult(null, locked);
        }
        if (account.FailedSignIns != 0 || account.LockedUntil is not null)
        {
            account.FailedSignIns = 0;
            account.LockedUntil = null;
            await db.SaveChangesAsync(ct);
        }
        return account.Disabled ? new SignInResult(null, false) : new SignInResult(account, false);
    }

    public async Task<Account?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Accounts.AnyAsync(ct);
    }

    /// <summary>The accounts of the given halls (all accounts when null), by user name.</summary>
    public async Task<IReadOnlyList<Account>> ListAsync(IReadOnlyCollection<string>? hallIds, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Accounts.AsNoTracking();
        if (hallIds is not null) q = q.Where(a => a.HallId != null && hallIds.Contains(a.HallId));
        return await q.OrderBy(a => a.UserName).ToListAsync(ct);
    }

    /// <summary>
    /// The first admin of a database without accounts (design.md §4, <c>POST /api/setup</c>); 409 once any account exists.
    /// The check and the insert share one serializable transaction, so two racing set-ups cannot both win.
    /// </summary>
    public async Task<Account> CreateFirstAdminAsync(string userName, string displayName, string password, Func<Account, AuditEntry>? audited = null,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        if (await db.Accounts.AnyAsync(ct)) throw SetUpAlready();
        var account = new Account(NewId(), userName, Role.Admin, displayName);
        SetPassword(account, password);
        db.Accounts.Add(account);
        if (audited is not null) db.Add(audited(account));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) { throw SetUpAlready(); }
        return account;
    }

    /// <summary>A new account; <paramref name="audited"/> gives its audit entry, saved with it in one transaction.</summary>
    public async Task<Account> CreateAsync(string userName, string displayName, string role, string? hallId, string staffNumber, string? windowId,
        string password, Func<Account, AuditEntry>? audited = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Accounts.AnyAsync(a => a.UserName == userName, ct))
            throw HallException.Conflict("account.userNameTaken", ("userName", userName));
        var account = new Account(NewId(), userName, role, displayName, hallId, windowId) { StaffNumber = staffNumber };
        SetPassword(account, password);
        db.Accounts.Add(account);
        if (audited is not null) db.Add(audited(account));
        await db.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored account and saves it, with the audit entry <paramref name="audited"/>
    /// gives in the same transaction (a change is never stored without its entry); answers the account before and after.
    /// </summary>
    public async Task<(Account Before, Account After)> ChangeAsync(string id, Action<Account> change, Func<Account, Account, AuditEntry>? audited = null,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw HallException.NotFound("account", id);
        var before = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        change(account);
        if (audited is not null) db.Add(audited(before, account));
        await db.SaveChangesAsync(ct);
        return (before, account);
    }

    /// <summary>A new password set by an administrator; it also lifts a lock.</summary>
    public Task<(Account Before, Account After)> ResetPasswordAsync(string id, string password, Func<Account, Account, AuditEntry>? audited = null,
        CancellationToken ct = default) =>
        ChangeAsync(id, a =>
        {
            SetPassword(a, password);
            a.FailedSignIns = 0;
            a.LockedUntil = null;
        }, audited, ct);

    /// <summary>The account's own change of password (the current one must be right), with its audit entry in the same transaction.</summary>
    public async Task ChangeOwnPasswordAsync(string id, string current, string next, Func<Account, AuditEntry>? audited = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw HallException.NotFound("account", id);
        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, current) == PasswordVerificationResult.Failed)
            throw HallException.Invalid("currentPassword", "invalid.currentPassword.wrong");
        SetPassword(account, next);
        if (audited is not null) db.Add(audited(account));
        await db.SaveChangesAsync(ct);
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];

    private static HallException SetUpAlready() =>
        HallException.Conflict("setup.done");
}
