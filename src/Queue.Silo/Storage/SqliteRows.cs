using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Queue.Silo.Storage;

/// <summary>
/// Writes a hall batch's rows on SQLite with one prepared INSERT or UPDATE per entity type, bound through
/// EF Core's own column names and type mappings (so values are stored exactly as EF stores them). The
/// batch's rows were written by SaveChanges at about a quarter of a millisecond each, all of it inside
/// SQLite's single write lock that the three demo halls share; the load profile showed that write as the
/// largest part of every batch once predictions left the writer (decision 0073). Entity types with
/// anything beyond plain mapped columns are left to EF.
/// </summary>
internal sealed class SqliteRows(QueueDb db) : IAsyncDisposable
{
    private readonly Dictionary<(IEntityType Type, bool Insert), (DbCommand Command, IProperty[] Columns)> commands = [];

    /// <summary>Writes the row if its type is plain columns; false when EF must do it.</summary>
    public async Task<bool> TryWriteAsync(object entity, bool insert, CancellationToken ct)
    {
        var type = db.Model.FindEntityType(entity.GetType());
        if (type is null || !PlainRowSql.Plain(type)) return false;
        var (command, columns) = Command(type, insert);
        command.Parameters.Clear();
        for (var i = 0; i < columns.Length; i++)
        {
            var p = columns[i];
            command.Parameters.Add(p.GetRelationalTypeMapping().CreateParameter(command, "$p" + i, p.GetGetter().GetClrValueUsingContainingEntity(entity), p.IsNullable));
        }
        var rows = await command.ExecuteNonQueryAsync(ct);
        if (rows != 1) throw new DbUpdateConcurrencyException($"Expected one {type.GetTableName()} row written, got {rows}.");
        return true;
    }

    /// <summary>The prepared commands belong to this batch's transaction; release them with it.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in commands.Values) await command.DisposeAsync();
        commands.Clear();
    }

    private (DbCommand, IProperty[]) Command(IEntityType type, bool insert)
    {
        if (commands.TryGetValue((type, insert), out var cached)) return cached;
        var (sql, columns) = PlainRowSql.Statement(type, insert, i => "$p" + i);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        commands[(type, insert)] = (command, columns);
        return (command, columns);
    }
}
