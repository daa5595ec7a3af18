namespace Queue.Silo.Booking;

/// <summary>What a citizen fills in to book (实名预约).</summary>
public sealed record BookingRequest(string? ServiceId, DateTimeOffset? SlotStart, string? Name, string? Phone, string? IdNumber);
