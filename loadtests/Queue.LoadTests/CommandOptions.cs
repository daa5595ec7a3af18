using System.Globalization;

namespace Queue.LoadTests;

/// <summary><c>--name value</c> pairs (a bare <c>--flag</c> means true), with typed reads and defaults.</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public static CommandOptions Parse(IEnumerable<string> args)
    {
        var o = new CommandOptions();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument {list[i]}.");
            var name = list[i][2..];
            if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal)) o.values[name] = list[++i];
            else o.values[name] = "true";
        }
        return o;
    }

    public CommandOptions Set(string name, string value)
    {
        values[name] = value;
        return this;
    }

    public string? String(string name) => values.GetValueOrDefault(name);
    public string String(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;
    public double Double(string name, double fallback) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public bool Flag(string name) => values.TryGetValue(name, out var v) && v != "false";
}
