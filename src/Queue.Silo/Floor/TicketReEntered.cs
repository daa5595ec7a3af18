namespace Queue.Silo.Engine;

/// <summary>A 补办 citizen came back: <see cref="Ticket"/> was issued with returning priority for <see cref="Original"/>.</summary>
public sealed record TicketReEntered(Guid Ticket, string Number, Guid Original, string OriginalNumber) : HallEvent
{
    public override Guid? TicketId => Ticket;
}
