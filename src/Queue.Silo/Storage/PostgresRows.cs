using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Queue.Silo.Storage;

/// <summary>
/// Collects a hall batch's plain rows on PostgreSQL into one multi-statement command, sent in one round trip
/// at <see cref="FlushAsync"/>; values are bound through EF Core's own type mappings. EF's SaveChanges spent
/// 100–150 ms per batch of ~250 commands on this machine inside the hall's row lock (decision 0073).
/// </summary>
internal sealed class PostgresRows(QueueDb db)
{
    private readonly StringBuilder sql = new();
    private DbCommand? command;
    private int statements;

    /// <summary>Queues the row if its type is plain columns; false when EF must write it.</summary>
    public bool TryAdd(object entity, bool insert)
    {
        var type = db.Model.FindEntityType(entity.GetType());
        if (type is null || !PlainRowSql.Plain(type)) return false;
        command ??= db.Database.GetDbConnection().CreateCommand();
        var first = command.Parameters.Count;
        var (text, columns) = PlainRowSql.Statement(type, insert, i => "@p" + (first + i));
        foreach (var (p, i) in columns.Select((p, i) => (p, i)))
            command.Parameters.Add(p.GetRelationalTypeMapping().CreateParameter(command, "@p" + (first + i), p.GetGetter().GetClrValueUsingContainingEntity(entity), p.IsNullable));
        sql.Append(text).Append(";\n");
        statements++;
        return true;
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (command is null) return;
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql.ToString();
        var rows = await command.ExecuteNonQueryAsync(ct);
        if (rows != statements) throw new DbUpdateConcurrencyException($"Expected {statements} rows written, got {rows}.");
        await command.DisposeAsync();
        command = null;
    }
}
