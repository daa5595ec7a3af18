using Queue.Silo.Tickets;

namespace Queue.Silo.Simulation;

/// <summary>
/// A citizen who will take a ticket at <see cref="At"/> and whose service will take <see cref="ServiceMinutes"/>. The
/// init-only parts describe what real halls also see (the demo's history uses them, decision 0100); their defaults are
/// the simulator's plain citizen: a kiosk ticket, present when called, served once with outcome 即办.
/// </summary>
public sealed record SimulatedArrival(DateTimeOffset At, string ServiceId, double ServiceMinutes, TicketPriority Priority = TicketPriority.Normal)
{
    /// <summary>Kiosk, booking (checked in on arrival) or phone (scanned at the hall's code on arrival).</summary>
    public TicketChannel Channel { get; init; } = TicketChannel.Kiosk;

    /// <summary>Leaves (cancels) if not called within this many minutes; null: waits as long as it takes.</summary>
    public double? PatienceMinutes { get; init; }

    /// <summary>Not there when called: the window waits <see cref="HallSimulation.NoShowMinutes"/> and marks a no-show.</summary>
    public bool Absent { get; init; }

    public TicketOutcome Outcome { get; init; } = TicketOutcome.Done;

    /// <summary>After the first service staff transfer the ticket to this service, where it takes <see cref="TransferMinutes"/>.</summary>
    public string? TransferTo { get; init; }

    public double TransferMinutes { get; init; }
}
