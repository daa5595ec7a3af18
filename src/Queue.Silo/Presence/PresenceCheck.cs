namespace Queue.Silo.Presence;

/// <summary>What a scanned presence code turned out to be.</summary>
public enum PresenceCheck { Valid, Expired, Forged }
