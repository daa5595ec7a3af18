namespace Queue.Web.Admin;

/// <summary>What a new password must be: long enough, not the user name, not a demo password.</summary>
public static class PasswordRules
{
    public static string? Check(FieldErrors errors, string? password, string field, string? userName = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, $"请填写 {field}。/ {field} is required.");
            return null;
        }
        if (password.Length < Queue.Silo.Accounts.AccountService.MinPasswordLength || password.Length > 200)
            errors.Add(field, $"密码长度应为 {Queue.Silo.Accounts.AccountService.MinPasswordLength}–200 个字符。/ A password has {Queue.Silo.Accounts.AccountService.MinPasswordLength} to 200 characters.");
        else if (userName is not null && string.Equals(password, userName, StringComparison.OrdinalIgnoreCase))
            errors.Add(field, "密码不能与用户名相同。/ The password cannot be the user name.");
        else if (password is "demo1234" or "12345678" or "password" or "admin123" or "11111111")
            errors.Add(field, "密码太常见。/ That password is too common.");
        return password;
    }
}
