using System.Security.Claims;

namespace Queue.Web.Admin;

/// <summary>The name an administrative change is recorded under.</summary>
public static class AuditActor
{
    public static string Of(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
