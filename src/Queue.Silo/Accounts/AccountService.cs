using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;

namespace Queue.Silo.Accounts;

/// <summary>Checks passwords (PBKDF2 through ASP.NET Core Identity's hasher).</summary>
public sealed class AccountService(IDbContextFactory<QueueDb> dbs)
{
    private static readonly PasswordHasher<Account> Hasher = new();

    public static void SetPassword(Account account, string password) => account.PasswordHash = Hasher.HashPassword(account, password);

    public async Task<Account?> VerifyAsync(string userName, string password, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
        {
            // Hash anyway so an unknown user name takes as long as a wrong password.
            Hasher.HashPassword(new Account("", userName, "", ""), password);
            return null;
        }
        return Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed ? null : account;
    }

    public async Task<Account?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
    }
}
