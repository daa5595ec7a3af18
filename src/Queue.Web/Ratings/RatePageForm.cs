using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Queue.Silo.Engine;
using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>
/// The holder's rating form (/rate/{id}) posts here: same <see cref="RatingService"/> and same rules as
/// the API, then back to the page with the outcome. Tags of levels other than the chosen one (hidden on
/// the page) are dropped.
/// </summary>
public static class RatePageForm
{
    public static IEndpointRouteBuilder MapRatePageForm(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/rate/{ticketId:guid}", async (Guid ticketId, [FromForm] string token, HttpContext http, ClaimsPrincipal user, RatingService ratings) =>
        {
            var back = $"/rate/{ticketId}?token={Uri.EscapeDataString(token)}";
            var form = http.Request.Form;
            try
            {
                if (user.Identity?.IsAuthenticated == true)
                    throw RatingAccess.Forbidden("rating.staffCannotRate", "工作人员账号不能评价 / Hall accounts cannot rate.");
                var level = RatingReportEndpoints.Level(form["level"].ToString()) ?? throw HallException.Invalid("level", "请选择满意程度 / Choose a level.");
                var prefix = level.Camel() + ":";
                var tags = form["tags"].Where(t => t is not null && t.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t![prefix.Length..]).Distinct().ToList();
                var comment = form["comment"].ToString() is { Length: > 0 } c ? c.Trim() : null;
                var phone = form["phone"].ToString() is { Length: > 0 } p ? p.Trim() : null;
                var input = new RatingInput(level, tags, comment, phone);
                if (form["followUp"] == "true") await ratings.FollowUpAsync(ticketId, token, input);
                else await ratings.RateAsync(ticketId, RatingCredential.Holder(token), input);
                return Results.Redirect($"{back}&done=1");
            }
            catch (HallException e) when (e.Kind != RefusalKind.NotFound)
            {
                return Results.Redirect($"{back}&error={Uri.EscapeDataString(e.Message)}");
            }
        }).RequireRateLimiting(Infrastructure.RateLimits.Tickets).ExcludeFromDescription();
        return routes;
    }
}
