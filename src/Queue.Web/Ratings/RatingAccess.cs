using System.Security.Claims;
using Queue.Silo.Accounts;
using Queue.Silo.Engine;
using Queue.Web.Auth;

namespace Queue.Web.Ratings;

/// <summary>
/// Who may see and do what in 好差评. Evaluators (效能监察) of a hall, admins everywhere; the hall's
/// managers work cases and see scores but never a rater's phone; staff see nothing of who rated them.
/// </summary>
public static class RatingAccess
{
    /// <summary>Evaluators of the hall or a hall above it (or of every hall when not bound to one) and admins.</summary>
    public static bool EvaluatesHall(this ClaimsPrincipal user, string hallId) =>
        user.IsInRole(Role.Admin) || (user.IsInRole(Role.Evaluator) && user.IsHomeOrAbove(hallId));

    /// <summary>Evaluators and managers of the hall, and admins: may read ratings and scores and work cases.</summary>
    public static bool WorksCases(this ClaimsPrincipal user, string hallId) => user.EvaluatesHall(hallId) || user.ManagesHall(hallId);

    /// <summary>Only evaluators see a rater's phone in full (design.md §6).</summary>
    public static bool SeesRaterPhone(this ClaimsPrincipal user) => user.IsInRole(Role.Evaluator);

    /// <summary>The hall a console user looks at when none was asked for.</summary>
    public static string? HomeHall(this ClaimsPrincipal user) => user.FindFirstValue(Claims.Hall);

    public static HallException Forbidden(string code = "rating.forbidden", string message = "rating.forbidden") =>
        new(RefusalKind.Forbidden, code, message);

    public static void Require(bool allowed)
    {
        if (!allowed) throw Forbidden();
    }
}
