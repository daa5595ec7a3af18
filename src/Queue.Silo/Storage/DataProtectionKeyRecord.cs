namespace Queue.Silo.Storage;

/// <summary>A data-protection key kept in the database, so every node can read every node's tokens and cookies.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
