namespace Queue.Tests.Ratings;

/// <summary>A rating as the API answers it.</summary>
public sealed record RatingDto(Guid Id, Guid TicketId, string HallId, string WindowId, string? StaffId, string ServiceId, string TicketNumber,
    int Round, string Level, int Code, List<string> Tags, string? Comment, string Channel, string? Phone, DateTimeOffset RatedAt, bool Excluded,
    string? ExclusionReason);

/// <summary>A case as the API answers it.</summary>
public sealed record CaseDto(Guid Id, Guid RatingId, Guid TicketId, string HallId, string WindowId, string? StaffId, string TicketNumber, string Level,
    string State, DateTimeOffset OpenedAt, DateOnly DeadlineDay, string Escalation, DateTimeOffset? ClosedAt, bool? ClosedOnTime, List<CaseStepDto> Steps);

public sealed record CaseStepDto(int Seq, string Action, string StateAfter, string ActorId, string ActorName, DateTimeOffset At, string? Note);
