using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Engine;
using Queue.Silo.Floor;
using Queue.Silo.Views;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

public sealed record ReEntryRequest([property: Required] string? Token);
public sealed record NoticesRequest([property: Required] string? Text);
public sealed record NoticesAnswer(string HallId, IReadOnlyList<string> Lines);

/// <summary>The hall floor's API beyond the window commands: the 补办 re-entry and the wall display's notices.</summary>
public static class FloorEndpoints
{
    public static IEndpointRouteBuilder MapFloor(this IEndpointRouteBuilder routes)
    {
        // The holder of a ticket closed as 补办 comes back with the materials: a new ticket with returning priority.
        routes.MapPost("/api/tickets/{ticketId:guid}/re-entry", async Task<Created<TicketView>> (Guid ticketId, ReEntryRequest? body, FloorClient floor) =>
        {
            var req = Validate.Body(body);
            var issued = await floor.ReEnterAsync(ticketId, Validate.Text(req.Token, "token", 200));
            var view = TicketEndpoints.WithToken(issued);
            return TypedResults.Created($"/api/tickets/{view.Id}", view);
        }).WithTags("tickets").RequireRateLimiting(RateLimits.Tickets);

        routes.MapGet("/api/halls/{hallId}/notices", async (string hallId, FloorClient floor) =>
            TypedResults.Ok(new NoticesAnswer(hallId, await floor.NoticesAsync(hallId)))).WithTags("halls");

        routes.MapPut("/api/halls/{hallId}/notices", async (string hallId, NoticesRequest? body, ClaimsPrincipal user, FloorClient floor) =>
        {
            var req = Validate.Body(body);
            // text is required (null or missing is 400); an empty or blank text clears the notices.
            var text = Validate.Text(req.Text ?? throw HallException.Invalid("text", "invalid.text.required"), "text",
                HallNotices.MaxLines * (HallNotices.MaxLineLength + 1)) ?? "";
            if (!user.ManagesHall(hallId)) throw new HallException(RefusalKind.Forbidden, "hall.forbidden", "hall.forbidden");
            return TypedResults.Ok(new NoticesAnswer(hallId, await floor.SetNoticesAsync(hallId, text)));
        }).WithTags("halls").RequireAuthorization(AuthSetup.ManagerPolicy);
        return routes;
    }
}
