using System.ComponentModel.DataAnnotations;

namespace Queue.Silo.Booking;

/// <summary>What a citizen fills in to book (实名预约).</summary>
/// <remarks>Every field is required; the web host refuses a missing one before the ledger sees it.</remarks>
public sealed record BookingRequest([property: Required] string? ServiceId, [property: Required] DateTimeOffset? SlotStart, [property: Required] string? Name, [property: Required] string? Phone, [property: Required] string? IdNumber);
