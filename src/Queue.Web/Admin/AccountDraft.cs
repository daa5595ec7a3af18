namespace Queue.Web.Admin;

/// <summary>What an administrator sets about an account (the user name only at creation).</summary>
public sealed record AccountDraft(string DisplayName, string Role, string? HallId, string StaffNumber, string? WindowId);
