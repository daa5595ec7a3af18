using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Queue.Silo.Engine;

namespace Queue.Web.Infrastructure;

/// <summary>
/// Refuses a request body with a null where the document says a value must be: a <c>[Required]</c> property
/// that is null or missing, a null in a non-nullable property, or a null inside a list or a map. Handlers
/// then never meet a null they did not declare, and the refusal names the field (<c>hours[0]</c>,
/// <c>tags.satisfied</c>) instead of becoming a 500. It runs before anything changes (decision 0085).
/// </summary>
public static class BodyShape
{
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    public static void Check(object body)
    {
        var errors = new Dictionary<string, FieldError[]>();
        Walk(body, "", errors, depth: 0);
        if (errors.Count > 0)
            throw HallException.Fields("validation.missing", errors);
    }

    private static void Walk(object value, string path, Dictionary<string, FieldError[]> errors, int depth)
    {
        if (depth > 8 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (value is IDictionary map)
        {
            foreach (DictionaryEntry e in map) Item(e.Value, $"{path}.{e.Key}", errors, depth);
            return;
        }
        if (value is IEnumerable list)
        {
            var i = 0;
            foreach (var item in list) Item(item, $"{path}[{i++}]", errors, depth);
            return;
        }
        foreach (var m in Members.GetOrAdd(value.GetType(), Describe))
        {
            var field = Join(path, m.Name);
            var v = m.Property.GetValue(value);
            if (v is null)
            {
                if (m.Required || !m.Nullable) errors[field] = [new("invalid.required", field)];
                continue;
            }
            Walk(v, field, errors, depth + 1);
        }
    }

    /// <summary>An entry of a list or a map: never null (no request type declares a nullable element).</summary>
    private static void Item(object? item, string path, Dictionary<string, FieldError[]> errors, int depth)
    {
        if (item is null) errors[path] = [new("invalid.null", path)];
        else Walk(item, path, errors, depth + 1);
    }

    private static Member[] Describe(Type type)
    {
        if (type.Namespace?.StartsWith("Queue.", StringComparison.Ordinal) != true) return [];
        // NullabilityInfoContext is not thread-safe: one per type described (once each), never shared across requests.
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && (p.SetMethod is not null || IsPositional(type, p)))
            .Select(p => new Member(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.GetCustomAttribute<RequiredAttribute>() is not null,
                Nullable.GetUnderlyingType(p.PropertyType) is not null || (!p.PropertyType.IsValueType && nullability.Create(p).ReadState != NullabilityState.NotNull)))
            .ToArray();
    }

    private static bool IsPositional(Type type, PropertyInfo p) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase)));

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private sealed record Member(PropertyInfo Property, string Name, bool Required, bool Nullable);
}
