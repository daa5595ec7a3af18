using System.Security.Claims;
using Queue.Silo.Accounts;
using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Web.Auth;

namespace Queue.Web.Reports;

/// <summary>
/// Who sees a hall's reports (design.md §4): admins; managers and evaluators of the hall or of a hall above it
/// (a city hall's director sees the towns under it), or of every hall when their account is bound to none.
/// </summary>
public static class ReportAccess
{
    public static bool SeesReportsOf(this ClaimsPrincipal user, string hallId, IReadOnlyList<Hall> halls)
    {
        if (user.IsInRole(Role.Admin)) return true;
        if (!user.IsInRole(Role.Manager) && !user.IsInRole(Role.Evaluator)) return false;
        if (user.FindFirstValue(Claims.Hall) is not { } home) return true;
        var parents = halls.ToDictionary(h => h.Id, h => h.ParentId);
        // Walk up from the hall asked for; the visited set stops a parent loop a bad edit could make.
        var visited = new HashSet<string>();
        for (string? at = hallId; at is not null && visited.Add(at); at = parents.GetValueOrDefault(at))
            if (at == home) return true;
        return false;
    }

    /// <summary>The hall itself first, then every hall under it, depth first.</summary>
    public static IReadOnlyList<Hall> HallsUnder(string hallId, IReadOnlyList<Hall> halls)
    {
        var result = new List<Hall>();
        void Walk(string id, int depth)
        {
            if (depth > 8) return;
            foreach (var child in halls.Where(h => h.ParentId == id).OrderBy(h => h.Id, StringComparer.Ordinal))
            {
                result.Add(child);
                Walk(child.Id, depth + 1);
            }
        }
        Walk(hallId, 0);
        return result;
    }

    public static HallException Forbidden() => new(RefusalKind.Forbidden, "report.forbidden", "report.forbidden");
}
