using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Ratings;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Ratings;

public sealed record CaseStepRequest([property: Required] string? Note);

/// <summary>
/// Bad-review cases: list, read with the trail, and move through the workflow. There is deliberately no
/// route that changes or deletes a step. Re-check (uphold / exclude) is the evaluators' alone, so the
/// side that appealed never decides its own appeal.
/// </summary>
public static class RatingCaseEndpoints
{
    private static readonly Dictionary<string, CaseAction> Actions = new()
    {
        ["verify"] = CaseAction.Verify,
        ["rectify"] = CaseAction.Rectify,
        ["reply"] = CaseAction.Reply,
        ["close"] = CaseAction.Close,
        ["appeal"] = CaseAction.Appeal,
        ["uphold"] = CaseAction.Uphold,
        ["exclude"] = CaseAction.Exclude,
    };

    public static IEndpointRouteBuilder MapRatingCases(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/rating-cases").WithTags("rating cases").RequireAuthorization();
        group.MapGet("/", async (string? hallId, bool? open, ClaimsPrincipal user, BadReviewCases cases, HallClient halls) =>
        {
            var hall = hallId ?? user.HomeHall();
            if (hall is not null) RatingAccess.Require(user.WorksCases(await KnownHall.RequireAsync(halls, hall)));
            else RatingAccess.Require(user.WorksCases("*") && user.HomeHall() is null);
            var list = await cases.ListAsync(hall, open ?? false, 500);
            return TypedResults.Ok(list.Select(c => CaseView.Of(c, [])).ToList());
        });
        group.MapGet("/{caseId:guid}", async (Guid caseId, ClaimsPrincipal user, BadReviewCases cases) =>
        {
            var c = await FindAsync(cases, caseId, user);
            return TypedResults.Ok(CaseView.Of(c, await cases.StepsAsync(caseId)));
        });
        group.MapPost("/{caseId:guid}/{action}", async (Guid caseId, string action, CaseStepRequest? body, ClaimsPrincipal user, BadReviewCases cases) =>
        {
            var step = Actions.GetValueOrDefault(action);
            if (!Actions.ContainsKey(action)) throw HallException.NotFound("case action", action);
            var note = Validate.Text(Validate.Body(body).Note, "note", 1000) ?? throw HallException.Invalid("note", "invalid.note.whatWasDone");
            var c = await ActAsync(cases, caseId, step, note, user);
            return TypedResults.Ok(CaseView.Of(c, await cases.StepsAsync(caseId)));
        });
        return routes;
    }

    /// <summary>Shared with the console's form posts.</summary>
    public static async Task<BadReviewCase> ActAsync(BadReviewCases cases, Guid caseId, CaseAction action, string note, ClaimsPrincipal user)
    {
        var c = await FindAsync(cases, caseId, user);
        if (action is CaseAction.Uphold or CaseAction.Exclude) RatingAccess.Require(user.EvaluatesHall(c.HallId));
        var actor = new CaseActor(user.AccountId() ?? "", user.FindFirstValue(Claims.DisplayName) ?? user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "");
        return await cases.ActAsync(caseId, action, actor, note);
    }

    private static async Task<BadReviewCase> FindAsync(BadReviewCases cases, Guid caseId, ClaimsPrincipal user)
    {
        var c = await cases.FindAsync(caseId) ?? throw HallException.NotFound("case", caseId.ToString());
        RatingAccess.Require(user.WorksCases(c.HallId));
        return c;
    }
}
