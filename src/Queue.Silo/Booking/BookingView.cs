using System.Text.Json.Serialization;

namespace Queue.Silo.Booking;

/// <summary>A booking as its holder and the API see it; name and phone masked (张*三, 138****1234).</summary>
public sealed record BookingView(Guid Id, string HallId, string ServiceId, string ServiceName, DateOnly Day, DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd, string Code, string Name, string Phone, BookingStatus Status, Guid? TicketId, DateTimeOffset CreatedAt)
{
    /// <summary>The holder's secret; present only in the answer that created the booking.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; init; }

    public static BookingView Of(HallBooking b, string serviceName) =>
        new(b.Id, b.HallId, b.ServiceId, serviceName, b.Day, b.SlotStart, b.SlotEnd, b.Code, MaskName(b.Name), MaskPhone(b.Phone), b.Status, b.TicketId, b.CreatedAt);

    public static string MaskName(string name) => name.Length switch
    {
        <= 1 => name,
        2 => name[0] + "*",
        _ => name[0] + new string('*', name.Length - 2) + name[^1],
    };

    public static string MaskPhone(string phone) => phone.Length >= 7 ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..] : phone;
}
