using Queue.Silo.Tickets;

namespace Queue.LoadTests;

/// <summary>A past ticket as it is stored at the end of its day: every instant UTC, absent ones null.</summary>
public sealed record HistoryTicket(
    string HallId,
    string ServiceId,
    string Number,
    DateOnly BusinessDay,
    TicketChannel Channel,
    TicketStatus Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? FirstCalledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? WindowId,
    string? StaffId,
    TicketOutcome? Outcome);
