namespace Queue.Silo.Tickets;

/// <summary>Where a ticket was taken: the kiosk at the door, a phone, or a booking checked in.</summary>
public enum TicketChannel { Kiosk, Mobile, Booking }
