using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Queue.Silo.Engine;
using Queue.Silo.Ratings;
using Queue.Web.Auth;

namespace Queue.Web.Ratings;

/// <summary>
/// The console's case forms post here (antiforgery-checked, cookie-signed-in evaluators), go through the
/// same checks as the API, and return to the case page with the outcome in the query string.
/// </summary>
public static class RatingConsoleForms
{
    public static IEndpointRouteBuilder MapRatingConsoleForms(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/ratings/cases/{caseId:guid}/act", async (Guid caseId, [FromForm] string action, [FromForm] string? note, ClaimsPrincipal user,
            BadReviewCases cases, IStringLocalizer<Refusals> R) =>
        {
            var back = $"/ratings/cases/{caseId}";
            if (!Enum.TryParse<CaseAction>(action, ignoreCase: true, out var step)) return Results.Redirect($"{back}?error={Uri.EscapeDataString("unknown action")}");
            try
            {
                await RatingCaseEndpoints.ActAsync(cases, caseId, step, (note ?? "").Trim() is { Length: > 0 and <= 1000 } n ? n : throw HallException.Invalid("note", "invalid.note.caseStep"), user);
                return Results.Redirect($"{back}?done={Uri.EscapeDataString(action)}");
            }
            catch (HallException e) when (e.Kind != RefusalKind.Forbidden && e.Kind != RefusalKind.NotFound)
            {
                return Results.Redirect($"{back}?error={Uri.EscapeDataString(R.Of(e))}");
            }
        }).RequireAuthorization(AuthSetup.EvaluatorPolicy).ExcludeFromDescription();
        return routes;
    }
}
