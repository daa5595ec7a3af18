namespace Queue.Silo.Supervision;

/// <summary>
/// One live supervision alert. <see cref="Key"/> names its subject (e.g. <c>wait:{ticketId}</c>) so it keeps
/// its identity while the condition lasts; acknowledging is per key and level, so a yellow alert that
/// turns red asks again.
/// </summary>
public sealed record HallAlert(string Key, AlertKind Kind, AlertLevel Level, string Text, string TextEn, DateTimeOffset Since,
    int? WindowNumber, string? TicketNumber, string? ServiceId);
