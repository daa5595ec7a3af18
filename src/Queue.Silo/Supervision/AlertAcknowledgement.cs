namespace Queue.Silo.Supervision;

/// <summary>
/// A supervision alert a manager acknowledged: kept as the hall's 电子监察 log. Not hall-queue state, so it
/// lives outside the hall writer; a unique (hall, key, level) index makes acknowledging idempotent.
/// </summary>
public sealed class AlertAcknowledgement
{
    private AlertAcknowledgement() { }

    public AlertAcknowledgement(string hallId, HallAlert alert, string? acknowledgedBy, DateTimeOffset acknowledgedAt)
    {
        Id = Guid.NewGuid();
        HallId = hallId;
        Key = alert.Key;
        Kind = alert.Kind;
        Level = alert.Level;
        Text = alert.Text;
        TextEn = alert.TextEn;
        RaisedAt = alert.Since;
        AcknowledgedBy = acknowledgedBy;
        AcknowledgedAt = acknowledgedAt;
    }

    public Guid Id { get; private set; }
    public string HallId { get; private set; } = "";
    public string Key { get; private set; } = "";
    public AlertKind Kind { get; private set; }
    public AlertLevel Level { get; private set; }
    public string Text { get; private set; } = "";
    public string TextEn { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public DateTimeOffset AcknowledgedAt { get; private set; }
}
