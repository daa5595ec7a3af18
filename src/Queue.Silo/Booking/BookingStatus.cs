namespace Queue.Silo.Booking;

/// <summary>Booked → CheckedIn (a ticket was issued) | Cancelled (by the holder) | NoShow (the slot ended without check-in).</summary>
public enum BookingStatus { Booked, CheckedIn, Cancelled, NoShow }
