using Queue.Display.Shared;
using Microsoft.AspNetCore.Mvc;
using Queue.Silo.Booking;
using Queue.Silo.Citizen;
using Queue.Silo.Engine;
using Queue.Web.Api;
using Queue.Web.Infrastructure;

namespace Queue.Web.Citizen;

/// <summary>
/// The plain HTML forms of the phone pages (no interactive Blazor here): take a remote ticket, book, cancel,
/// check in. Each answers 303 to the next page; a refusal goes back to the form with its code, wording key and
/// arguments (<see cref="FormRefusal.Query"/>), which the page words in the visitor's language.
/// </summary>
public static class CitizenFormEndpoints
{
    public static IEndpointRouteBuilder MapCitizenForms(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/m/{hallId}/tickets", async (string hallId, [FromForm] string? serviceId, HttpContext http, CitizenClient citizen) =>
        {
            try
            {
                var issued = await citizen.IssueRemoteTicketAsync(Validate.Id(hallId, "hallId"), Validate.Id(serviceId, "serviceId"), DeviceId.For(http));
                TicketCookie.Remember(http, issued.Ticket.Id, issued.Token);
                return Results.Redirect(TicketEndpoints.TrackUrl(issued.Ticket.Id, issued.Token));
            }
            catch (HallException e)
            {
                return Results.Redirect($"/m/{Uri.EscapeDataString(hallId)}?{FormRefusal.Query(e)}&service={Uri.EscapeDataString(serviceId ?? "")}");
            }
        }).RequireRateLimiting(RateLimits.Tickets).ExcludeFromDescription();

        routes.MapPost("/book/{hallId}", async (string hallId, [FromForm] string? serviceId, [FromForm] string? date, [FromForm] long? slot,
            [FromForm] string? name, [FromForm] string? phone, [FromForm] string? idNumber, HttpContext http, BookingLedger ledger) =>
        {
            try
            {
                var start = slot is { } ticks && ticks > 0 && ticks < DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
                var booking = await ledger.BookAsync(Validate.Id(hallId, "hallId"), new BookingRequest(serviceId, start, name, phone, idNumber));
                return Results.Redirect($"/booking/{booking.Id}?token={Uri.EscapeDataString(booking.Token!)}&new=1");
            }
            catch (HallException e)
            {
                new BookingFormEcho(serviceId, date, slot, name, phone, idNumber).Save(http, hallId);
                return Results.Redirect($"/book/{Uri.EscapeDataString(hallId)}?service={Uri.EscapeDataString(serviceId ?? "")}&date={Uri.EscapeDataString(date ?? "")}" +
                    $"&{FormRefusal.Query(e)}");
            }
        }).RequireRateLimiting(CitizenRateLimits.Bookings).ExcludeFromDescription();

        routes.MapPost("/booking/{bookingId:guid}/cancel", async (Guid bookingId, [FromForm] string? token, BookingLedger ledger) =>
            await Back(bookingId, token, async () => { await ledger.CancelAsync(bookingId, token); return null; }))
            .ExcludeFromDescription();

        routes.MapPost("/booking/{bookingId:guid}/check-in", async (Guid bookingId, [FromForm] string? token, HttpContext http, BookingLedger ledger) =>
            await Back(bookingId, token, async () =>
            {
                var issued = await ledger.CheckInAsync(bookingId, token);
                TicketCookie.Remember(http, issued.Ticket.Id, issued.Token);
                return TicketEndpoints.TrackUrl(issued.Ticket.Id, issued.Token);
            })).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> Back(Guid bookingId, string? token, Func<Task<string?>> action)
    {
        var page = $"/booking/{bookingId}?token={Uri.EscapeDataString(token ?? "")}";
        try
        {
            return Results.Redirect(await action() ?? page);
        }
        catch (HallException e)
        {
            return Results.Redirect($"{page}&{FormRefusal.Query(e)}");
        }
    }
}
