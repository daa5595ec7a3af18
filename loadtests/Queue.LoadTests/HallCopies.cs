using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Queue.LoadTests;

/// <summary>
/// Copies one demo hall with its matters and windows <c>count</c> times straight into the database (ids
/// <c>bench-00001</c>…), in one transaction, while no node is running on it; answers the copies' ids.
/// The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public static class HallCopies
{
    public static string Id(int i) => $"bench-{i:D5}";

    public static IReadOnlyList<string> Make(TargetDatabase db, string from, int count)
    {
        using DbConnection conn = db.IsPostgres ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        conn.Open();
        using var tx = conn.BeginTransaction();
        for (var i = 1; i <= count; i++)
        {
            var id = Id(i);
            using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                CREATE TEMP TABLE h AS SELECT * FROM halls WHERE "Id" = '{from}';
                UPDATE h SET "Id" = '{id}', "Name" = '压测大厅 {i}', "ParentId" = NULL, "Seq" = 0;
                INSERT INTO halls SELECT * FROM h; DROP TABLE h;
                CREATE TEMP TABLE s AS SELECT * FROM services WHERE "HallId" = '{from}';
                UPDATE s SET "HallId" = '{id}', "Id" = '{id}-' || "Id";
                INSERT INTO services SELECT * FROM s; DROP TABLE s;
                CREATE TEMP TABLE w AS SELECT * FROM windows WHERE "HallId" = '{from}';
                UPDATE w SET "HallId" = '{id}', "Id" = '{id}-' || "Id", "CurrentTicketId" = NULL,
                    "ServiceIds" = REPLACE(REPLACE("ServiceIds", '["', '["{id}-'), '","', '","{id}-');
                INSERT INTO windows SELECT * FROM w; DROP TABLE w;
                """;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return Enumerable.Range(1, count).Select(Id).ToList();
    }

    /// <summary>The first matter of a hall (for the copies: prefix it with the copy's id).</summary>
    public static string FirstService(TargetDatabase db, string hallId)
    {
        using DbConnection conn = db.IsPostgres ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""SELECT "Id" FROM services WHERE "HallId" = '{hallId}' ORDER BY "Id" LIMIT 1""";
        return (string)cmd.ExecuteScalar()!;
    }
}
