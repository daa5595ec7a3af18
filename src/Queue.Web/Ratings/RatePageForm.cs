using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Queue.Silo.Engine;
using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>
/// The holder's rating form (/rate/{id}) posts here: same <see cref="RatingClient"/> and same rules as
/// the API, then back to the page with the outcome. Tags of levels other than the chosen one (hidden on
/// the page) are dropped. A refusal goes back with its code, which the page says in the visitor's
/// language (<see cref="Queue.Display.Shared.FormRefusal.Query"/>), and with the level, tags and comment chosen, so nothing is
/// lost but the call-back number, which stays out of the address (and so out of logs and history).
/// </summary>
public static class RatePageForm
{
    /// <summary>
    /// A longer comment is not carried back: percent-encoded Chinese takes 9 characters a character, and the
    /// address must stay under the 8 KB request line of Kestrel and nginx. The default policy allows 300.
    /// </summary>
    public const int MaxCommentCarried = 600;

    public static IEndpointRouteBuilder MapRatePageForm(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/rate/{ticketId:guid}", async (Guid ticketId, [FromForm] string token, HttpContext http, ClaimsPrincipal user, RatingClient ratings) =>
        {
            var back = $"/rate/{ticketId}?token={Uri.EscapeDataString(token)}";
            var form = http.Request.Form;
            RatingLevel? level = null;
            List<string> tags = [];
            var comment = form["comment"].ToString() is { Length: > 0 } c ? c.Trim() : null;
            try
            {
                level = RatingReportEndpoints.Level(form["level"].ToString());
                var prefix = level?.Camel() + ":";
                tags = level is null ? [] : form["tags"].Where(t => t is not null && t.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t![prefix.Length..]).Distinct().ToList();
                if (user.Identity?.IsAuthenticated == true)
                    throw RatingAccess.Forbidden("rating.staffCannotRate", "rating.staffCannotRate");
                var phone = form["phone"].ToString() is { Length: > 0 } p ? p.Trim() : null;
                var input = new RatingInput(level ?? throw HallException.Invalid("level", "invalid.level.choose"), tags, comment, phone);
                if (form["followUp"] == "true") await ratings.FollowUpAsync(ticketId, token, input);
                else await ratings.RateAsync(ticketId, RatingCredential.Holder(token), input);
                return Results.Redirect($"{back}&done=1");
            }
            catch (HallException e) when (e.Kind != RefusalKind.NotFound)
            {
                return Results.Redirect($"{back}&{Queue.Display.Shared.FormRefusal.Query(e)}{Draft(level, tags, comment)}");
            }
        }).RequireRateLimiting(Infrastructure.RateLimits.Tickets).ExcludeFromDescription();
        return routes;
    }

    /// <summary>What the citizen chose, as the page's query (level=, tags= as the form's level:tag values, comment=).</summary>
    private static string Draft(RatingLevel? level, List<string> tags, string? comment)
    {
        var query = new StringBuilder();
        if (level is { } l)
        {
            query.Append("&level=").Append(l.Camel());
            foreach (var tag in tags) query.Append("&tags=").Append(Uri.EscapeDataString($"{l.Camel()}:{tag}"));
        }
        if (comment is { Length: <= MaxCommentCarried }) query.Append("&comment=").Append(Uri.EscapeDataString(comment));
        return query.ToString();
    }
}
