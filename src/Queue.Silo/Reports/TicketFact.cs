using Queue.Silo.Tickets;

namespace Queue.Silo.Reports;

/// <summary>What a report reads of one ticket: instants as UTC ticks (0 when absent), the rest as stored.</summary>
public readonly record struct TicketFact(
    DateOnly BusinessDay,
    long IssuedAt,
    long ArrivedAt,
    long FirstCalledAt,
    long StartedAt,
    long FinishedAt,
    TicketStatus Status,
    TicketChannel Channel,
    TicketOutcome? Outcome,
    string ServiceId,
    string? WindowId,
    string? StaffId)
{
    /// <summary>Where the wait starts: check-in for a phone ticket, issue for every other.</summary>
    public long WaitFrom => ArrivedAt != 0 ? ArrivedAt : IssuedAt;

    public double? WaitMinutes => FirstCalledAt == 0 ? null : Math.Max(0, FirstCalledAt - WaitFrom) / (double)TimeSpan.TicksPerMinute;

    public double? HandlingMinutes => Status == TicketStatus.Done && StartedAt != 0 && FinishedAt != 0
        ? Math.Max(0, FinishedAt - StartedAt) / (double)TimeSpan.TicksPerMinute : null;
}
