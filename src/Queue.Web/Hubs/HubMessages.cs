using Queue.Silo.Views;

namespace Queue.Web.Hubs;

/// <summary>The hub's pushes (design.md §4).</summary>
public sealed record TicketCalledMessage(string HallId, Guid TicketId, string TicketNumber, int WindowNumber, string WindowName,
    string ServiceName, DateTimeOffset CalledAt, bool IsRecall);

public sealed record BoardChangedMessage(Board Board);

public sealed record TicketUpdatedMessage(TicketView Ticket);
