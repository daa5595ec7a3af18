namespace Queue.Web.Admin;

/// <summary>What a new password must be: long enough, not the user name, not a demo password.</summary>
public static class PasswordRules
{
    public static string? Check(FieldErrors errors, string? password, string field, string? userName = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "invalid.required", field);
            return null;
        }
        if (password.Length < Queue.Silo.Accounts.AccountService.MinPasswordLength || password.Length > 200)
            errors.Add(field, "invalid.password.length", Queue.Silo.Accounts.AccountService.MinPasswordLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else if (userName is not null && string.Equals(password, userName, StringComparison.OrdinalIgnoreCase))
            errors.Add(field, "invalid.password.userName");
        else if (password is "demo1234" or "12345678" or "password" or "admin123" or "11111111")
            errors.Add(field, "invalid.password.common");
        return password;
    }
}
