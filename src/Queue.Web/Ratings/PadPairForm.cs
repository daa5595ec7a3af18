using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Queue.Silo.Ratings;
using Queue.Web.Auth;

namespace Queue.Web.Ratings;

/// <summary>
/// Pairing from the tablet itself: a manager signs in on it, pairs, and is signed out in the same step,
/// so no hall account stays signed in on a device the public touches (decision 0061).
/// </summary>
public static class PadPairForm
{
    public static IEndpointRouteBuilder MapPadPairForm(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/pad/{hallId}/{windowId}/pair", async (string hallId, string windowId, [FromForm] string? confirm, ClaimsPrincipal user, HttpContext http, RatingPads pads) =>
        {
            // Binding the form field makes the antiforgery token required (cookie-authenticated form post).
            RatingAccess.Require(user.ManagesHall(hallId) && confirm == "pair");
            var key = await pads.PairAsync(hallId, windowId, user.AccountId() ?? "");
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect($"/pad/{Uri.EscapeDataString(hallId)}/{Uri.EscapeDataString(windowId)}?key={Uri.EscapeDataString(key)}");
        }).RequireAuthorization(AuthSetup.ManagerPolicy).ExcludeFromDescription();
        return routes;
    }
}
