using Queue.Silo.Engine;
using Queue.Silo.Tickets;

namespace Queue.Silo.Views;

/// <summary>The engine's calling rule (<see cref="CallRule"/>) on ticket views, for the terminal, console and alerts.</summary>
public static class TicketCalling
{
    /// <summary>Whether <paramref name="window"/> may call <paramref name="ticket"/> now, as call-next decides it.</summary>
    public static bool CallableBy(this TicketView ticket, WindowView window) =>
        CallRule.Allows(ticket.Status, window.ServiceIds.Contains(ticket.ServiceId), ticket.TargetWindowId, window.Id, ticket.ArrivedAt);

    /// <summary>
    /// Since when a waiting ticket could be called: its holder's arrival (the moment a phone ticket checked in;
    /// the issue for a kiosk or booking ticket). Null before check-in: time on the way is not a wait in the hall.
    /// </summary>
    public static DateTimeOffset? CallableSince(this TicketView ticket) => ticket.ArrivedAt;

    /// <summary>
    /// Whether <see cref="TicketView.CalledAt"/> is the ticket's first call: a recall moves it and a transfer
    /// clears it (the next window's call replaces it), and the ticket keeps no other record of the first call.
    /// </summary>
    public static bool CalledOnlyOnce(this TicketView ticket) =>
        ticket.CalledAt is not null && ticket.RecallCount == 0 && !(ticket.Priority == TicketPriority.Returning && ticket.ReturnOfTicketId is null);
}
