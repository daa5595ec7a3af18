using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Queue.Silo.Storage;

/// <summary>
/// The INSERT or UPDATE of one entity type's row, built from EF Core's model (table, column names), for the
/// hall batch writers that bypass SaveChanges (decision 0073). Only "plain" types qualify.
/// </summary>
internal static class PlainRowSql
{
    // The model is built once per process, so whether a type is plain is decided once, not for every row of every batch.
    private static readonly ConcurrentDictionary<IEntityType, bool> plain = new();

    /// <summary>Plain columns only: no navigations, inheritance, complex or shadow properties, nothing the database generates.</summary>
    public static bool Plain(IEntityType type) => plain.GetOrAdd(type, IsPlain);

    private static bool IsPlain(IEntityType type) =>
        type.BaseType is null && !type.GetDerivedTypes().Any() && !type.GetNavigations().Any() && !type.GetComplexProperties().Any() &&
        // A database-generated value (an identity key, a computed column) is EF's to read back.
        !type.GetProperties().Any(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never && !(p.IsKey() && p.ClrType == typeof(Guid)));

    /// <summary>The statement and its columns in parameter order; <paramref name="parameter"/> names the i-th placeholder.</summary>
    public static (string Sql, IProperty[] Columns) Statement(IEntityType type, bool insert, Func<int, string> parameter)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        string Col(IProperty p) => "\"" + p.GetColumnName(table) + "\"";
        if (insert)
        {
            var columns = type.GetProperties().ToArray();
            return ($"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(Col))}) VALUES ({string.Join(", ", columns.Select((_, i) => parameter(i)))})", columns);
        }
        var keys = type.FindPrimaryKey()!.Properties;
        var set = type.GetProperties().Where(p => !p.IsKey()).ToArray();
        return ($"UPDATE \"{table.Name}\" SET {string.Join(", ", set.Select((p, i) => $"{Col(p)} = {parameter(i)}"))} WHERE " +
            string.Join(" AND ", keys.Select((p, i) => $"{Col(p)} = {parameter(set.Length + i)}")), [.. set, .. keys]);
    }
}
