using Queue.Silo.Tickets;

namespace Queue.Silo.Reports;

/// <summary>
/// A past ticket as it is stored at the end of its day: every instant UTC, absent ones null. <see cref="Id"/> null: a
/// time-ordered id is made from the issue time. <see cref="TransferCount"/>: how often staff transferred it (转移).
/// </summary>
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
    TicketOutcome? Outcome,
    int TransferCount = 0,
    Guid? Id = null,
    string TokenHash = "history");
