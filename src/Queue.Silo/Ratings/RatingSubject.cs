using Queue.Silo.Tickets;

namespace Queue.Silo.Ratings;

/// <summary>What a rating is bound to: the served ticket and the window, staff member and service that served it.</summary>
public sealed record RatingSubject(Guid TicketId, string HallId, string WindowId, string? StaffId, string ServiceId, string TicketNumber,
    DateOnly BusinessDay, DateTimeOffset ServedAt)
{
    public static RatingSubject Of(Ticket ticket) => new(ticket.Id, ticket.HallId, ticket.WindowId ?? "", ticket.StaffId, ticket.ServiceId,
        ticket.Number, ticket.BusinessDay, ticket.FinishedAt ?? ticket.IssuedAt);
}
