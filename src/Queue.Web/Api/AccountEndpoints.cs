using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Accounts;
using Queue.Web.Admin;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

public sealed record AccountRequest([property: Required] string? Username, [property: Required] string? DisplayName, [property: Required] string? Role,
    string? HallId, string? StaffNumber, string? WindowId, [property: Required] string? Password);
public sealed record AccountUpdateRequest([property: Required] string? DisplayName, [property: Required] string? Role, string? HallId, string? StaffNumber, string? WindowId);
public sealed record PasswordResetRequest([property: Required] string? NewPassword);
public sealed record PasswordChangeRequest([property: Required] string? CurrentPassword, [property: Required] string? NewPassword);

/// <summary>Accounts (admin; a manager for the staff of their halls) and every account's own password.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/accounts").WithTags("accounts").RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapGet("/", async (ClaimsPrincipal user, AccountAdministration admin) => TypedResults.Ok(await admin.ListAsync(user)));
        group.MapPost("/", async Task<Created<AccountView>> (AccountRequest? body, ClaimsPrincipal user, AccountAdministration admin) =>
        {
            var req = Validate.Body(body);
            var errors = new FieldErrors();
            var userName = errors.Id(req.Username, "username", required: true);
            var draft = Draft(errors, req.DisplayName, req.Role, req.HallId, req.StaffNumber, req.WindowId);
            var password = PasswordRules.Check(errors, req.Password, "password", userName);
            errors.ThrowIfAny();
            var created = await admin.CreateAsync(user, userName!, draft, password!);
            return TypedResults.Created($"/api/accounts/{created.Id}", created);
        });
        group.MapPut("/{accountId}", async (string accountId, AccountUpdateRequest? body, ClaimsPrincipal user, AccountAdministration admin) =>
        {
            var req = Validate.Body(body);
            var errors = new FieldErrors();
            var draft = Draft(errors, req.DisplayName, req.Role, req.HallId, req.StaffNumber, req.WindowId);
            errors.ThrowIfAny();
            return TypedResults.Ok(await admin.UpdateAsync(user, Validate.Id(accountId, "accountId"), draft));
        });
        group.MapPost("/{accountId}/disable", async (string accountId, ClaimsPrincipal user, AccountAdministration admin) =>
            TypedResults.Ok(await admin.SetDisabledAsync(user, Validate.Id(accountId, "accountId"), true)));
        group.MapPost("/{accountId}/enable", async (string accountId, ClaimsPrincipal user, AccountAdministration admin) =>
            TypedResults.Ok(await admin.SetDisabledAsync(user, Validate.Id(accountId, "accountId"), false)));
        group.MapPost("/{accountId}/reset-password", async (string accountId, PasswordResetRequest? body, ClaimsPrincipal user, AccountAdministration admin) =>
        {
            var req = Validate.Body(body);
            var errors = new FieldErrors();
            var password = PasswordRules.Check(errors, req.NewPassword, "newPassword");
            errors.ThrowIfAny();
            return TypedResults.Ok(await admin.ResetPasswordAsync(user, Validate.Id(accountId, "accountId"), password!));
        });

        routes.MapPost("/api/account/password", async (PasswordChangeRequest? body, ClaimsPrincipal user, AccountAdministration admin) =>
        {
            var req = Validate.Body(body);
            var errors = new FieldErrors();
            if (string.IsNullOrEmpty(req.CurrentPassword)) errors.Add("currentPassword", "invalid.required", "currentPassword");
            var next = PasswordRules.Check(errors, req.NewPassword, "newPassword", user.Identity?.Name);
            if (next is not null && next == req.CurrentPassword) errors.Add("newPassword", "invalid.newPassword.same");
            errors.ThrowIfAny();
            await admin.ChangeOwnPasswordAsync(user, req.CurrentPassword!, next!);
            return TypedResults.NoContent();
        }).WithTags("accounts").RequireAuthorization();
        return routes;
    }

    private static AccountDraft Draft(FieldErrors errors, string? displayName, string? role, string? hallId, string? staffNumber, string? windowId)
    {
        var name = errors.Text(displayName, "displayName", 100, required: true) ?? "";
        var r = errors.Text(role, "role", 20, required: true);
        if (r is not null && !Role.All.Contains(r)) errors.Add("role", "invalid.role.unknown");
        return new AccountDraft(name, r ?? Role.Staff, errors.Id(hallId, "hallId"), errors.Text(staffNumber, "staffNumber", 32) ?? "", errors.Id(windowId, "windowId"));
    }
}
