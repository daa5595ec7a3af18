namespace Queue.Silo.Booking;

/// <summary>
/// One bookable period of a service: how many bookings it takes and how many are left. A slot that has
/// begun takes no more bookings, so its remaining is 0 like a full one; <see cref="Past"/> tells the two
/// apart, so a page can say 已过 rather than 已满.
/// </summary>
public sealed record BookingSlot(DateTimeOffset Start, DateTimeOffset End, int Capacity, int Remaining, bool Past = false);
