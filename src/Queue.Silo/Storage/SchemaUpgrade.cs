namespace Queue.Silo.Storage;

/// <summary>One step of the versioned schema: the SQL that brings version <c>Version - 1</c> to <c>Version</c>.</summary>
public sealed record SchemaUpgrade(int Version, string Description, string Sqlite, string Postgres);
