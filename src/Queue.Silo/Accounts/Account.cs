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

    /// <summary>An administrator's change of role (one of <see cref="Accounts.Role.All"/>, checked by the caller).</summary>
    public void SetRole(string role) => Role = role;
    public string DisplayName { get; set; } = "";

    /// <summary>工号, shown on the evaluator pad.</summary>
    public string StaffNumber { get; set; } = "";
    public string? HallId { get; set; }

    /// <summary>The window staff usually work; they may sign in at any window of their hall (the window records who works it).</summary>
    public string? WindowId { get; set; }

    /// <summary>A disabled account cannot sign in; it is kept so its name stays on the tickets and ratings it handled.</summary>
    public bool Disabled { get; set; }

    /// <summary>Failed sign-ins in a row; at <see cref="AccountService.MaxFailedSignIns"/> the account locks for a while.</summary>
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
