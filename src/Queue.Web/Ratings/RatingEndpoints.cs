using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Ratings;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Ratings;

public sealed record RateRequest(string? Token, string? Invitation, [property: Required] RatingLevel? Level, List<string>? Tags, string? Comment, string? Phone);

public sealed record PadPairing(string HallId, string WindowId, string PadKey, string PadUrl);

/// <summary>
/// The citizen's side of 好差评 (rate, follow up), the hall's rating policy and pad pairing. Rating needs
/// no account — the ticket's token or the pad's invitation is the key — and any signed-in account is
/// refused: staff (and every other hall account) cannot rate.
/// </summary>
public static class RatingEndpoints
{
    public const int MaxCommentLength = 2000;

    /// <summary>The call-back number as typed, spaces and hyphens included; it is stored as its digits (at most 20, <see cref="CallBackPhone"/>).</summary>
    public const int MaxPhoneLength = 40;

    public static IEndpointRouteBuilder MapRatings(this IEndpointRouteBuilder routes)
    {
        var tickets = routes.MapGroup("/api/tickets/{ticketId:guid}").WithTags("ratings");
        tickets.MapPost("/rating", async Task<Created<RatingView>> (Guid ticketId, RateRequest? body, ClaimsPrincipal user, RatingClient ratings) =>
        {
            RefuseAccounts(user);
            var req = Validate.Body(body);
            var credential = new RatingCredential(Validate.Text(req.Token, "token", 200), Validate.Text(req.Invitation, "invitation", 1000));
            var rating = await ratings.RateAsync(ticketId, credential, Input(req));
            return TypedResults.Created($"/api/tickets/{ticketId}/rating", RatingView.Of(rating, fullPhone: false));
        }).RequireRateLimiting(RateLimits.Tickets);
        tickets.MapPost("/rating/follow-up", async Task<Created<RatingView>> (Guid ticketId, RateRequest? body, ClaimsPrincipal user, RatingClient ratings) =>
        {
            RefuseAccounts(user);
            var req = Validate.Body(body);
            var rating = await ratings.FollowUpAsync(ticketId, Validate.Text(req.Token, "token", 200), Input(req));
            return TypedResults.Created($"/api/tickets/{ticketId}/rating", RatingView.Of(rating, fullPhone: false));
        }).RequireRateLimiting(RateLimits.Tickets);

        var halls = routes.MapGroup("/api/halls/{hallId}").WithTags("ratings");
        halls.MapGet("/rating-policy", async (string hallId, RatingPolicies policies, HallClient known) =>
            TypedResults.Ok(await policies.GetAsync(await KnownHall.RequireAsync(known, hallId))));
        halls.MapPut("/rating-policy", async (string hallId, RatingPolicy? body, ClaimsPrincipal user, RatingPolicies policies, HallClient known) =>
        {
            await KnownHall.RequireAsync(known, hallId);
            RatingAccess.Require(user.EvaluatesHall(hallId) || user.ManagesHall(hallId));
            return TypedResults.Ok(await policies.SetAsync(hallId, Validate.Body(body), user.AccountId() ?? ""));
        }).RequireAuthorization();
        halls.MapPost("/windows/{windowId}/pad", async (string hallId, string windowId, ClaimsPrincipal user, RatingPads pads) =>
        {
            RatingAccess.Require(user.ManagesHall(hallId));
            var key = await pads.PairAsync(hallId, Validate.Id(windowId, "windowId"), user.AccountId() ?? "");
            return TypedResults.Ok(new PadPairing(hallId, windowId, key, $"/pad/{hallId}/{windowId}?key={Uri.EscapeDataString(key)}"));
        }).RequireAuthorization();
        return routes;
    }

    private static RatingInput Input(RateRequest req)
    {
        var level = Validate.Required(req.Level, "level");
        var tags = (req.Tags ?? []).Select(t => Validate.Text(t, "tags", 20) ?? throw HallException.Invalid("tags", "invalid.tags.empty")).Distinct().ToList();
        return new RatingInput(level, tags, Validate.Text(req.Comment, "comment", MaxCommentLength), Validate.Text(req.Phone, "phone", MaxPhoneLength));
    }

    /// <summary>Staff cannot rate or steer a rating (国办发〔2019〕51号): a signed-in hall account is refused whatever its role.</summary>
    private static void RefuseAccounts(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated == true)
            throw RatingAccess.Forbidden("rating.staffCannotRate", "rating.staffCannotRate");
    }
}
