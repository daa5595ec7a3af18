using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Queue.Silo.Engine;

namespace Queue.Display.Shared;

/// <summary>
/// A refusal carried back by the redirect of a plain HTML form (the phone pages, the rating page, /setup): the code the
/// page marks fields by, the wording's key and its arguments, never worded text, so a page says exactly what the API
/// says and a link can only bring back wordings of the catalog.
/// </summary>
public static partial class FormRefusal
{
    private const int MaxArgs = 4, MaxArgLength = 80;

    /// <summary>
    /// The query for <paramref name="e"/>: <c>error=</c> the code (or <c>invalid.{field}</c> for a wrong field),
    /// <c>why=</c> the wording's key and <c>arg=</c> its arguments, the field's own where a field is wrong.
    /// </summary>
    public static string Query(HallException e)
    {
        var (field, error) = e.Errors?.FirstOrDefault() is { Key: { } f, Value: [var first, ..] } ? (f, first) : (null, null);
        var (key, args) = error is null ? (e.Key, e.ArgValues) : (error.Key, error.Args);
        return $"error={Uri.EscapeDataString(field is null ? e.Code : "invalid." + field)}&why={Uri.EscapeDataString(key)}" +
            string.Concat(args.Take(MaxArgs).Select(a => "&arg=" + Uri.EscapeDataString(a.Length > MaxArgLength ? a[..MaxArgLength] : a)));
    }

    /// <summary>
    /// The refusal a redirect brought back (<see cref="Query"/>) in the reader's language. A link without a known wording,
    /// or with fewer arguments than its wording needs (typed by hand, or older than a wording), reads as a plain "did not work".
    /// </summary>
    public static string Words(IStringLocalizer<Refusals> R, IStringLocalizer<Texts> T, string? error, string? why, string[]? args)
    {
        if (string.IsNullOrEmpty(error)) return "";
        var key = string.IsNullOrEmpty(why) ? error : why;
        var wording = R[key];
        args ??= [];
        if (wording.ResourceNotFound || args.Length > MaxArgs || Needs(wording.Value) > args.Length) return T["操作未成功，请重试。"];
        return R.Word(key, [.. args.Select(a => a.Length > MaxArgLength ? a[..MaxArgLength] : a)]);
    }

    private static int Needs(string format) =>
        Placeholder().Matches(format.Replace("{{", "").Replace("}}", "")).Select(m => int.Parse(m.Groups[1].Value) + 1).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
