using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Booking;
using Queue.Silo.Views;
using Queue.Web.Citizen;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

public sealed record BookingTokenRequest([property: Required] string? Token);
public sealed record HallCheckInRequest(string? Code, string? IdNumber);

/// <summary>线上预约: slots, booking, cancelling, checking in (by the holder's token, or at the kiosk by code or ID number).</summary>
public static class BookingEndpoints
{
    public static IEndpointRouteBuilder MapBookings(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/halls/{hallId}/services/{serviceId}/slots", async (string hallId, string serviceId, string? date, BookingLedger ledger) =>
            TypedResults.Ok(await ledger.SlotsAsync(Validate.Id(hallId, "hallId"), Validate.Id(serviceId, "serviceId"), CalendarEndpoints.ParseDate(date, "date"))))
            .WithTags("bookings");

        routes.MapPost("/api/halls/{hallId}/bookings", async Task<Created<BookingView>> (string hallId, BookingRequest? body, BookingLedger ledger) =>
        {
            var booking = await ledger.BookAsync(Validate.Id(hallId, "hallId"), Validate.Body(body));
            return TypedResults.Created($"/api/bookings/{booking.Id}", booking);
        }).WithTags("bookings").RequireRateLimiting(CitizenRateLimits.Bookings);

        routes.MapPost("/api/halls/{hallId}/bookings/check-in", async Task<Created<TicketView>> (string hallId, HallCheckInRequest? body, BookingLedger ledger) =>
        {
            var req = Validate.Body(body);
            var issued = await ledger.CheckInAtHallAsync(Validate.Id(hallId, "hallId"), Validate.Text(req.Code, "code", 32), Validate.Text(req.IdNumber, "idNumber", 32));
            return TypedResults.Created($"/api/tickets/{issued.Ticket.Id}", TicketEndpoints.WithToken(issued));
        }).WithTags("bookings").RequireRateLimiting(CitizenRateLimits.Bookings);

        var bookings = routes.MapGroup("/api/bookings").WithTags("bookings");
        bookings.MapGet("/{bookingId:guid}", async (Guid bookingId, string? token, BookingLedger ledger) =>
            TypedResults.Ok(await ledger.GetAsync(bookingId, token)));
        bookings.MapDelete("/{bookingId:guid}", async (Guid bookingId, string? token, BookingLedger ledger) =>
            TypedResults.Ok(await ledger.CancelAsync(bookingId, token)));
        bookings.MapPost("/{bookingId:guid}/check-in", async Task<Created<TicketView>> (Guid bookingId, BookingTokenRequest? body, BookingLedger ledger) =>
        {
            var issued = await ledger.CheckInAsync(bookingId, Validate.Body(body).Token);
            return TypedResults.Created($"/api/tickets/{issued.Ticket.Id}", TicketEndpoints.WithToken(issued));
        });
        return routes;
    }
}
