namespace Queue.Silo.Storage;

public enum StorageProvider { Sqlite, Postgres }

/// <summary>Bound from the <c>Storage</c> section; the connection string is <c>ConnectionStrings:Queue</c>.</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Used when no connection string is configured: SQLite in <c>{DataFolder}/queuehall.db</c>.</summary>
    public string DataFolder { get; set; } = "data";

    public string? ConnectionString { get; set; }

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        if (Provider == StorageProvider.Postgres)
            throw new InvalidOperationException("Storage:Provider=Postgres needs ConnectionStrings:Queue.");
        Directory.CreateDirectory(DataFolder);
        return $"Data Source={Path.Combine(DataFolder, "queuehall.db")}";
    }
}
