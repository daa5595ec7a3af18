using System.Globalization;
using System.Text.RegularExpressions;
using Queue.Display.Shared;
using Queue.Silo.Engine;

namespace Queue.Web.Admin;

/// <summary>Collects every wrong field of one form, API body or imported row, so one answer names them all.</summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<FieldError>> errors = [];

    public bool Any => errors.Count > 0;

    public IReadOnlyDictionary<string, FieldError[]> All => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Each error as "field: message" in the current UI culture, for the import report.</summary>
    public IReadOnlyList<string> Lines => [.. errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {RefusalWording.Shared.Of(m)}"))];

    /// <summary>An error of <paramref name="field"/>: the key of its wording in the Refusals resources and the wording's arguments.</summary>
    public void Add(string field, string key, params string[] args)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(new FieldError(key, args));
    }

    /// <summary>Trimmed text, or an error when required and empty or longer than <paramref name="max"/>.</summary>
    public string? Text(string? value, string field, int max, bool required = false)
    {
        var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (v is null && required) Add(field, "invalid.required", field);
        else if (v is not null && v.Length > max) Add(field, "invalid.tooLong", field, max.ToString(CultureInfo.InvariantCulture));
        return v;
    }

    /// <summary>An id of letters, digits, '.', '_' and '-', up to 64 characters.</summary>
    public string? Id(string? value, string field, bool required = false)
    {
        var v = Text(value, field, 64, required);
        if (v is not null && !IdPattern().IsMatch(v)) Add(field, "invalid.id.characters", field);
        return v;
    }

    public T Range<T>(T? value, string field, T min, T max) where T : struct, IComparable<T>
    {
        if (value is not { } v)
        {
            // A value that could not be read was reported as such already.
            if (!errors.ContainsKey(field)) Add(field, "invalid.required", field);
            return min;
        }
        if (v.CompareTo(min) < 0 || v.CompareTo(max) > 0) Add(field, "invalid.range", field, HallException.Text(min), HallException.Text(max));
        return v;
    }

    /// <summary>Throws the 400 naming every wrong field.</summary>
    public void ThrowIfAny()
    {
        if (!Any) return;
        throw HallException.Fields("validation", All);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex IdPattern();
}
