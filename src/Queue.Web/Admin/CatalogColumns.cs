using System.Globalization;
using Queue.Silo.Services;

namespace Queue.Web.Admin;

/// <summary>
/// The columns of a matter catalog file (CSV or XLSX), in the order an export writes them. A header is "中文(key)";
/// an import also takes the key or the Chinese alone, in any order. Lists (materials, steps) are one item per line.
/// </summary>
public static class CatalogColumns
{
    public static readonly IReadOnlyList<(string Key, string Zh)> All =
    [
        ("id", "事项编码"), ("category", "主题"), ("prefix", "号票前缀"), ("name", "事项名称"), ("nameEn", "英文名称"),
        ("normMinutes", "标准办理分钟"), ("bookable", "可预约"), ("materials", "申请材料"), ("steps", "办理流程"),
        ("timeLimit", "办理时限"), ("fee", "收费标准"), ("basis", "设定依据"), ("categoryEn", "主题英文名称"),
    ];

    public static IReadOnlyList<string> Headers => [.. All.Select(c => $"{c.Zh}({c.Key})")];

    public static IReadOnlyList<string> Row(Service s) =>
    [
        s.Id, s.Category, s.Prefix, s.Name, s.NameEn ?? "", s.NormMinutes.ToString(CultureInfo.InvariantCulture), s.Bookable ? "是" : "否",
        string.Join('\n', s.Guide.Materials), string.Join('\n', s.Guide.Steps), s.Guide.TimeLimit, s.Guide.Fee, s.Guide.Basis, s.CategoryEn ?? "",
    ];

    /// <summary>Column index of each key in a header row; errors name the columns that are missing or unknown.</summary>
    public static Dictionary<string, int> Map(IReadOnlyList<string> header, FieldErrors errors)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var h = header[i].Trim();
            if (h.Length == 0) continue;
            var column = All.FirstOrDefault(c => h == $"{c.Zh}({c.Key})" || h == $"{c.Zh}（{c.Key}）" || string.Equals(h, c.Key, StringComparison.OrdinalIgnoreCase) || h == c.Zh);
            if (column.Key is null) errors.Add("header", "invalid.header.unknown", h);
            else if (!map.TryAdd(column.Key, i)) errors.Add("header", "invalid.header.twice", h);
        }
        foreach (var required in new[] { "name", "category", "prefix", "normMinutes", "bookable" })
            if (!map.ContainsKey(required)) errors.Add("header", "invalid.header.missing", required);
        return map;
    }

    /// <summary>One data row as a checked draft; the errors name the row's wrong fields.</summary>
    public static ServiceDraft Parse(IReadOnlyList<string> row, Dictionary<string, int> map, FieldErrors errors)
    {
        string? Cell(string key) => map.TryGetValue(key, out var i) && i < row.Count ? Unescape(row[i]) : null;
        double? minutes = null;
        if (Cell("normMinutes") is { Length: > 0 } m)
        {
            if (double.TryParse(m.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)) minutes = parsed;
            else errors.Add("normMinutes", "invalid.normMinutes.number", m);
        }
        bool? bookable = Cell("bookable")?.Trim().ToLowerInvariant() switch
        {
            "是" or "true" or "yes" or "1" or "y" => true,
            "否" or "false" or "no" or "0" or "n" => false,
            null or "" => null,
            var other => Invalid(errors, other),
        };
        return ServiceFields.Check(errors, Cell("id"), Cell("name"), Cell("nameEn"), Cell("category"), Cell("prefix"), minutes,
            bookable, Lines(Cell("materials")), Lines(Cell("steps")), Cell("timeLimit"), Cell("fee"), Cell("basis"), Cell("categoryEn"));
    }

    private static bool? Invalid(FieldErrors errors, string value)
    {
        errors.Add("bookable", "invalid.bookable.yesNo", value);
        return false;
    }

    private static List<string>? Lines(string? cell) =>
        cell is null ? null : [.. cell.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    /// <summary>An export escapes a cell that a spreadsheet would run as a formula with a leading '; the import takes it off.</summary>
    private static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
}
