using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Silo.Floor;

/// <summary>Adds what the staff terminal and the ticket page need beyond the public contract's fields.</summary>
public static class TicketFloorDetails
{
    public static TicketView WithFloorDetails(this TicketView view, Ticket t) => view with
    {
        WindowId = t.WindowId,
        TargetWindowId = t.TargetWindowId,
        FirstCalledAt = t.FirstCalledAt,
        StartedAt = t.StartedAt,
        FinishedAt = t.FinishedAt,
        PromisedDate = t.PromisedDate,
        MissingMaterials = t.MissingMaterials,
        ReturnOfTicketId = t.ReturnOfTicketId,
    };
}
