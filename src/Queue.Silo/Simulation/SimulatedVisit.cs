namespace Queue.Silo.Simulation;

/// <summary>One ticket's simulated life: when it was issued, the estimate shown then, how long it really waited.</summary>
public sealed record SimulatedVisit(Guid TicketId, string ServiceId, DateTimeOffset IssuedAt, double? EstimateMinutes, double WaitMinutes, string WindowId);
