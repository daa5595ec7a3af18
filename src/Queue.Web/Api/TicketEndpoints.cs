using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Hosting;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

public sealed record IssueTicketRequest([property: Required] string? ServiceId, [property: Required] TicketChannel? Channel);

/// <summary>A citizen's ticket: take one, read it, cancel it. The token is the holder's only key.</summary>
public static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapTickets(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/halls/{hallId}/tickets", async Task<Created<TicketView>> (string hallId, IssueTicketRequest? body, HallClient client,
            Silo.Citizen.CitizenClient citizen, HttpContext http) =>
        {
            var req = Validate.Body(body);
            var channel = Validate.Required(req.Channel, "channel");
            if (channel == TicketChannel.Booking) throw Silo.Engine.HallException.Invalid("channel", "invalid.channel.booking");
            // A phone ticket: one active per phone and service, not yet arrived until the presence code is scanned.
            var issued = channel == TicketChannel.Mobile
                ? await citizen.IssueRemoteTicketAsync(hallId, Validate.Id(req.ServiceId, "serviceId"), Citizen.DeviceId.For(http))
                : await client.IssueTicketAsync(hallId, Validate.Id(req.ServiceId, "serviceId"), channel);
            if (channel == TicketChannel.Mobile) Citizen.TicketCookie.Remember(http, issued.Ticket.Id, issued.Token);
            var view = WithToken(issued);
            return TypedResults.Created($"/api/tickets/{view.Id}", view);
        }).WithTags("tickets").RequireRateLimiting(RateLimits.Tickets);

        var tickets = routes.MapGroup("/api/tickets").WithTags("tickets");
        tickets.MapGet("/{ticketId:guid}", async (Guid ticketId, string? token, HallClient client) =>
            TypedResults.Ok(await client.GetTicketAsync(ticketId, token)));
        tickets.MapDelete("/{ticketId:guid}", async (Guid ticketId, string? token, HallClient client) =>
            TypedResults.Ok(await client.CancelAsync(ticketId, token)));
        return routes;
    }

    public static TicketView WithToken(IssuedTicket issued) =>
        issued.Ticket with { Token = issued.Token, TrackUrl = TrackUrl(issued.Ticket.Id, issued.Token) };

    public static string TrackUrl(Guid ticketId, string token) => $"/t/{ticketId}?token={Uri.EscapeDataString(token)}";
}
