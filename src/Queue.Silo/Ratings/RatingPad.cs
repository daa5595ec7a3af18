namespace Queue.Silo.Ratings;

/// <summary>
/// The pairing of a window's evaluator pad: only the hash of the device key is kept. Pairing again
/// replaces the key, which unpairs the old device.
/// </summary>
public sealed class RatingPad
{
    private RatingPad() { }

    public RatingPad(string hallId, string windowId, string keyHash, DateTimeOffset pairedAt, string pairedBy)
    {
        HallId = hallId;
        WindowId = windowId;
        KeyHash = keyHash;
        PairedAt = pairedAt;
        PairedBy = pairedBy;
    }

    public string HallId { get; private set; } = "";
    public string WindowId { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public DateTimeOffset PairedAt { get; private set; }
    public string PairedBy { get; private set; } = "";
}
