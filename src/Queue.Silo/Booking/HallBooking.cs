using Queue.Silo.Engine;

namespace Queue.Silo.Booking;

/// <summary>
/// A reserved slot (预约) for one service. Real-name: name and phone are kept for the hall's call-back, the
/// ID number only as a keyed hash (to find "one per person per service per day" and no-shows).
/// Lives outside the hall writer; capacity and uniqueness are enforced by transactions and indexes.
/// </summary>
public sealed class HallBooking
{
    private HallBooking() { }

    public HallBooking(Guid id, string hallId, string serviceId, DateOnly day, DateTimeOffset slotStart, DateTimeOffset slotEnd, string code,
        string name, string phone, string idHash, string tokenHash, DateTimeOffset createdAt)
    {
        Id = id;
        HallId = hallId;
        ServiceId = serviceId;
        Day = day;
        SlotStart = slotStart;
        SlotEnd = slotEnd;
        Code = code;
        Name = name;
        Phone = phone;
        IdHash = idHash;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string HallId { get; private set; } = "";
    public string ServiceId { get; private set; } = "";

    /// <summary>The hall's business day of the slot.</summary>
    public DateOnly Day { get; private set; }
    public DateTimeOffset SlotStart { get; private set; }
    public DateTimeOffset SlotEnd { get; private set; }

    /// <summary>预约码: eight digits the citizen types at the kiosk; unique per hall and day.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";

    /// <summary>HMAC-SHA256 of the ID number under the installation's secret; the number itself is never stored.</summary>
    public string IdHash { get; private set; } = "";

    /// <summary>SHA-256 of the holder's secret.</summary>
    public string TokenHash { get; private set; } = "";
    public BookingStatus Status { get; private set; } = BookingStatus.Booked;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public Guid? TicketId { get; internal set; }

    internal void Cancel(DateTimeOffset now)
    {
        Require("cancel");
        Status = BookingStatus.Cancelled;
        CancelledAt = now;
    }

    internal void CheckIn(DateTimeOffset now)
    {
        Require("check in");
        Status = BookingStatus.CheckedIn;
        CheckedInAt = now;
    }

    /// <summary>Undoes a check-in whose ticket the hall refused, so the citizen can try again.</summary>
    internal void UndoCheckIn()
    {
        Status = BookingStatus.Booked;
        CheckedInAt = null;
    }

    private void Require(string action)
    {
        if (Status == BookingStatus.Booked) return;
        var code = Status == BookingStatus.CheckedIn ? "booking.checkedIn" : "booking.notActive";
        var key = Status switch
        {
            BookingStatus.CheckedIn => "booking.checkedIn",
            BookingStatus.Cancelled => "booking.notActive.cancelled",
            _ => "booking.notActive.expired",
        };
        throw new HallException(RefusalKind.Conflict, code, key, ("action", action));
    }
}
