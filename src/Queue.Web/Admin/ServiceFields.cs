using System.Globalization;
using System.Text.RegularExpressions;
using Queue.Silo.Services;

namespace Queue.Web.Admin;

/// <summary>The rules of a matter's fields, shared by the form, the API and every row of an imported catalog.</summary>
public static partial class ServiceFields
{
    public const int MaxListItems = 100;

    public static ServiceDraft Check(FieldErrors errors, string? id, string? name, string? nameEn, string? category, string? prefix,
        double? normMinutes, bool? bookable, IReadOnlyList<string>? materials, IReadOnlyList<string>? steps, string? timeLimit, string? fee, string? basis, string? categoryEn = null)
    {
        var checkedId = errors.Id(id, "id");
        var n = errors.Text(name, "name", 200, required: true) ?? "";
        var en = errors.Text(nameEn, "nameEn", 200);
        var c = errors.Text(category, "category", 50, required: true) ?? "";
        var p = errors.Text(prefix, "prefix", 2, required: true)?.ToUpperInvariant() ?? "";
        if (p.Length > 0 && !PrefixPattern().IsMatch(p)) errors.Add("prefix", "invalid.prefix.letters");
        var minutes = errors.Range(normMinutes, "normMinutes", 0.5, 480.0);
        if (bookable is null) errors.Add("bookable", "invalid.bookable.required");
        var guide = new ServiceGuide
        {
            Materials = List(errors, materials, "guide.materials"),
            Steps = List(errors, steps, "guide.steps"),
            TimeLimit = errors.Text(timeLimit, "guide.timeLimit", 100) ?? "",
            Fee = errors.Text(fee, "guide.fee", 200) ?? "",
            Basis = errors.Text(basis, "guide.basis", 1000) ?? "",
        };
        var cEn = errors.Text(categoryEn, "categoryEn", 50);
        return new ServiceDraft(checkedId, n, en is { Length: > 0 } ? en : null, c, p, minutes, bookable ?? false, guide, cEn is { Length: > 0 } ? cEn : null);
    }

    private static List<string> List(FieldErrors errors, IReadOnlyList<string>? items, string field)
    {
        if (items is null) return [];
        if (items.Count > MaxListItems) errors.Add(field, "invalid.list.tooMany", field, MaxListItems.ToString(CultureInfo.InvariantCulture));
        var result = new List<string>();
        for (var i = 0; i < items.Count && i < MaxListItems; i++)
            if (errors.Text(items[i], $"{field}[{i}]", 300) is { } item) result.Add(item);
        return result;
    }

    [GeneratedRegex("^[A-Z]{1,2}$")]
    private static partial Regex PrefixPattern();
}
