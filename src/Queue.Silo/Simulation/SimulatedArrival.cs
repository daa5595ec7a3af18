using Queue.Silo.Tickets;

namespace Queue.Silo.Simulation;

/// <summary>A citizen who will take a ticket at <see cref="At"/> and whose service will take <see cref="ServiceMinutes"/>.</summary>
public sealed record SimulatedArrival(DateTimeOffset At, string ServiceId, double ServiceMinutes, TicketPriority Priority = TicketPriority.Normal);
