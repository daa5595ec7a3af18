namespace Queue.Silo.Services;

/// <summary>What one catalog import did: matters created and matters updated (all of them in one commit).</summary>
public sealed record CatalogImported(int Created, int Updated);
