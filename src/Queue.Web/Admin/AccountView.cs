using Queue.Silo.Accounts;

namespace Queue.Web.Admin;

/// <summary>An account as the API and the pages show it: never its password hash.</summary>
public sealed record AccountView(string Id, string Username, string DisplayName, string Role, string? HallId, string StaffNumber, string? WindowId,
    bool Disabled, DateTimeOffset? LockedUntil)
{
    public static AccountView Of(Account a) => new(a.Id, a.UserName, a.DisplayName, a.Role, a.HallId, a.StaffNumber, a.WindowId, a.Disabled, a.LockedUntil);
}
