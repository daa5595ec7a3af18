namespace Queue.Silo.Booking;

/// <summary>One bookable period of a service: how many bookings it takes and how many are left.</summary>
public sealed record BookingSlot(DateTimeOffset Start, DateTimeOffset End, int Capacity, int Remaining);
