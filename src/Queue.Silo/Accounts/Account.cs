namespace Queue.Silo.Accounts;

/// <summary>A staff, manager, evaluator or admin login. Staff are bound to a hall and, usually, a window.</summary>
public sealed class Account
{
    private Account() { }

    public Account(string id, string userName, string role, string displayName, string? hallId = null, string? windowId = null)
    {
        Id = id;
        UserName = userName;
        Role = role;
        DisplayName = displayName;
        HallId = hallId;
        WindowId = windowId;
    }

    public string Id { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Role { get; private set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>工号, shown on the evaluator pad.</summary>
    public string StaffNumber { get; set; } = "";
    public string? HallId { get; set; }
    public string? WindowId { get; set; }
}
