using System.Text.RegularExpressions;
using Queue.Silo.Engine;

namespace Queue.Web.Admin;

/// <summary>Collects every wrong field of one form, API body or imported row, so one answer names them all.</summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = [];

    public bool Any => errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> All => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Each error as "field: message", for the import report.</summary>
    public IReadOnlyList<string> Lines => [.. errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))];

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Trimmed text, or an error when required and empty or longer than <paramref name="max"/>.</summary>
    public string? Text(string? value, string field, int max, bool required = false)
    {
        var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (v is null && required) Add(field, $"请填写 {field}。/ {field} is required.");
        else if (v is not null && v.Length > max) Add(field, $"{field} 不能超过 {max} 个字符。/ {field} is longer than {max} characters.");
        return v;
    }

    /// <summary>An id of letters, digits, '.', '_' and '-', up to 64 characters.</summary>
    public string? Id(string? value, string field, bool required = false)
    {
        var v = Text(value, field, 64, required);
        if (v is not null && !IdPattern().IsMatch(v)) Add(field, $"{field} 只能包含字母、数字、.、_、-。/ {field} may hold only letters, digits, '.', '_' and '-'.");
        return v;
    }

    public T Range<T>(T? value, string field, T min, T max) where T : struct, IComparable<T>
    {
        if (value is not { } v)
        {
            // A value that could not be read was reported as such already.
            if (!errors.ContainsKey(field)) Add(field, $"请填写 {field}。/ {field} is required.");
            return min;
        }
        if (v.CompareTo(min) < 0 || v.CompareTo(max) > 0) Add(field, $"{field} 应在 {min} 到 {max} 之间。/ {field} must be between {min} and {max}.");
        return v;
    }

    /// <summary>Throws the 400 naming every wrong field.</summary>
    public void ThrowIfAny()
    {
        if (!Any) return;
        throw new HallException(RefusalKind.Invalid, "validation", $"输入有误 / Invalid input: {string.Join(", ", errors.Keys)}.", All);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex IdPattern();
}
