namespace Queue.Silo.Citizen;

/// <summary>
/// A random key kept in the database for one purpose (ID-number hashing, presence codes), so every node
/// derives the same hashes and codes. Created once, never changed.
/// </summary>
public sealed class CitizenSecret
{
    private CitizenSecret() { }

    public CitizenSecret(string purpose, string key)
    {
        Purpose = purpose;
        Key = key;
    }

    public string Purpose { get; private set; } = "";

    /// <summary>Base64 of 32 random bytes.</summary>
    public string Key { get; private set; } = "";
}
