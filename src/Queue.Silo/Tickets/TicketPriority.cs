namespace Queue.Silo.Tickets;

/// <summary>
/// Why a ticket may be called ahead of its turn. <see cref="Green"/> is the 绿色通道 (elderly, disabled,
/// urgent); <see cref="Booking"/> a checked-in booking inside its slot; <see cref="Returning"/> a ticket
/// back from a transfer or a 补办.
/// </summary>
public enum TicketPriority { Normal, Green, Booking, Returning }
