namespace Queue.Tests.Infrastructure;

public enum StorageKind { Sqlite, Postgres }
