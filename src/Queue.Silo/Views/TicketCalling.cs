using Queue.Silo.Engine;

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
}
