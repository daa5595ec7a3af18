using System.Text.Json.Serialization;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Engine;

/// <summary>
/// Something that happened in a hall. Every event has the hall's next sequence number, so a node that
/// sees a gap knows it missed one and reloads. Events are the audit trail and the source of every push.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TicketIssued), "ticketIssued")]
[JsonDerivedType(typeof(TicketCalled), "ticketCalled")]
[JsonDerivedType(typeof(TicketStarted), "ticketStarted")]
[JsonDerivedType(typeof(TicketCompleted), "ticketCompleted")]
[JsonDerivedType(typeof(TicketNoShow), "ticketNoShow")]
[JsonDerivedType(typeof(TicketTransferred), "ticketTransferred")]
[JsonDerivedType(typeof(TicketCancelled), "ticketCancelled")]
[JsonDerivedType(typeof(WindowChanged), "windowChanged")]
[JsonDerivedType(typeof(HallConfigured), "hallConfigured")]
[JsonDerivedType(typeof(TicketReEntered), "ticketReEntered")]
[JsonDerivedType(typeof(HallNoticesChanged), "hallNoticesChanged")]
[JsonDerivedType(typeof(TicketArrived), "ticketArrived")]
public abstract record HallEvent
{
    public string HallId { get; init; } = "";
    public long Seq { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>The ticket this event is about, if any; used to route pushes to the ticket's watchers.</summary>
    [JsonIgnore]
    public virtual Guid? TicketId => null;
}

public sealed record TicketIssued(Guid Ticket, string Number, string ServiceId, TicketChannel Channel, TicketPriority Priority) : HallEvent
{
    public override Guid? TicketId => Ticket;
}

public sealed record TicketCalled(Guid Ticket, string Number, string WindowId, int WindowNumber, bool IsRecall) : HallEvent
{
    public override Guid? TicketId => Ticket;
}

public sealed record TicketStarted(Guid Ticket, string WindowId) : HallEvent
{
    public override Guid? TicketId => Ticket;
}

public sealed record TicketCompleted(Guid Ticket, string WindowId, TicketOutcome Outcome, string? Note) : HallEvent
{
    public override Guid? TicketId => Ticket;
}

public sealed record TicketNoShow(Guid Ticket, string WindowId) : HallEvent
{
    public override Guid? TicketId => Ticket;
}

public sealed record TicketTransferred(Guid Ticket, string FromServiceId, string ToServiceId, string? TargetWindowId) : HallEvent
{
    public override Guid? TicketId => Ticket;
}

public sealed record TicketCancelled(Guid Ticket, string Reason) : HallEvent
{
    public override Guid? TicketId => Ticket;
}

public sealed record WindowChanged(string WindowId, WindowState State, IReadOnlyList<string> ServiceIds) : HallEvent;

/// <summary>A hall's services, windows or settings were changed by a manager.</summary>
public sealed record HallConfigured(string What) : HallEvent;

/// <summary>The holder of a phone ticket checked in at the hall (scanned the presence code); <c>KeptPlace</c> false when the grace had run out.</summary>
public sealed record TicketArrived(Guid Ticket, bool KeptPlace) : HallEvent
{
    public override Guid? TicketId => Ticket;
}
