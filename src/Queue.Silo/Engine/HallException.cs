using System.Globalization;

namespace Queue.Silo.Engine;

/// <summary>What kind of refusal a command met; the web host maps it to a problem-details status.</summary>
public enum RefusalKind { Invalid, NotFound, Conflict, Forbidden, Gone }

/// <summary>
/// One field's error: the key of its wording in the Refusals resources and the wording's arguments, in order
/// (<c>{0}</c>, <c>{1}</c>, ...). The edge words it in the reader's language.
/// </summary>
public sealed record FieldError(string Key, params string[] Args)
{
    private const char Seam = '\u001f';

    /// <summary>The error as one string, key and arguments joined by U+001F: how it travels in <see cref="Exception.Data"/>.</summary>
    internal string Encode() => Args.Length == 0 ? Key : string.Join(Seam, [Key, .. Args]);

    internal static FieldError Decode(string encoded)
    {
        var parts = encoded.Split(Seam);
        return new FieldError(parts[0], parts[1..]);
    }
}

/// <summary>
/// A command the hall refuses. Thrown before any state is touched, so a refused command changes nothing.
/// It carries no sentence: kind, the stable <see cref="Code"/>, the <see cref="Key"/> of its wording, the wording's
/// named arguments (as strings) and the field errors (keys and arguments) live in <see cref="Exception.Data"/>,
/// because Orleans carries an exception between silos as its message and data. The edge words it with
/// <c>IStringLocalizer&lt;Refusals&gt;</c> in the reader's language; <see cref="Exception.Message"/> is for logs only.
/// </summary>
public sealed class HallException : Exception
{
    public HallException(RefusalKind kind, string code, string key, params (string Name, object? Value)[] args)
        : this(kind, code, key, null, args) { }

    public HallException(RefusalKind kind, string code, string key, IReadOnlyDictionary<string, FieldError[]>? errors, params (string Name, object? Value)[] args)
        : base(Describe(code, key, args, errors))
    {
        Data["kind"] = (int)kind;
        Data["code"] = code;
        Data["key"] = key;
        Data["argNames"] = args.Select(a => a.Name).ToArray();
        Data["args"] = args.Select(a => Text(a.Value)).ToArray();
        if (errors is not null) Data["errors"] = errors.ToDictionary(e => e.Key, e => e.Value.Select(f => f.Encode()).ToArray());
    }

    public RefusalKind Kind => Data["kind"] is int kind ? (RefusalKind)kind : RefusalKind.Conflict;

    /// <summary>A stable machine-readable reason, e.g. <c>ticket.notWaiting</c>.</summary>
    public string Code => Data["code"] as string ?? "hall.refused";

    /// <summary>The key of the refusal's wording in the Refusals resources: the code, or <c>code.variant</c>, or <c>invalid.field.reason</c>.</summary>
    public string Key => Data["key"] as string ?? Code;

    /// <summary>The wording's arguments by name, in the order of its placeholders.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Args =>
        Data["argNames"] is string[] names && Data["args"] is string[] values
            ? [.. names.Zip(values, (n, v) => new KeyValuePair<string, string>(n, v))]
            : [];

    /// <summary>The argument values in placeholder order.</summary>
    public string[] ArgValues => Data["args"] as string[] ?? [];

    public IReadOnlyDictionary<string, FieldError[]>? Errors =>
        Data["errors"] is Dictionary<string, string[]> errors
            ? errors.ToDictionary(e => e.Key, e => e.Value.Select(FieldError.Decode).ToArray())
            : null;

    public static HallException NotFound(string what, string id) =>
        new(RefusalKind.NotFound, $"{what}.notFound", "notFound", ("what", what), ("id", id));

    /// <summary>A conflict whose wording's key is its code.</summary>
    public static HallException Conflict(string code, params (string Name, object? Value)[] args) => new(RefusalKind.Conflict, code, code, args);

    /// <summary>One wrong field: the detail and the field's error share the wording <paramref name="key"/>.</summary>
    public static HallException Invalid(string field, string key, params (string Name, object? Value)[] args) =>
        new(RefusalKind.Invalid, "validation", key,
            new Dictionary<string, FieldError[]> { [field] = [new FieldError(key, [.. args.Select(a => Text(a.Value))])] }, args);

    /// <summary>Several wrong fields, named in the detail.</summary>
    public static HallException Fields(string key, IReadOnlyDictionary<string, FieldError[]> errors) =>
        new(RefusalKind.Invalid, "validation", key, errors, ("fields", string.Join(", ", errors.Keys)));

    /// <summary>An argument as the wording shows it: numbers and dates culture-invariant.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Describe(string code, string key, (string Name, object? Value)[] args, IReadOnlyDictionary<string, FieldError[]>? errors)
    {
        var text = $"Refused {code} ({key}{string.Concat(args.Select(a => $", {a.Name}={Text(a.Value)}"))})";
        return errors is null ? text : $"{text}; fields: {string.Join(", ", errors.Keys)}";
    }
}
