using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using Queue.Silo.Engine;

namespace Queue.Web.Citizen;

/// <summary>
/// What the citizen pages say when something is refused: worded once, from Refusals*.resx, in the visitor's language,
/// exactly as the API words the same refusal. A plain form answered by a redirect carries its refusal back in the query
/// (<see cref="Query"/>: the code the page marks fields by, the wording's key and its arguments).
/// </summary>
public static partial class CitizenText
{
    private const int MaxArgs = 4, MaxArgLength = 80;

    /// <summary>A refusal the page caught itself.</summary>
    public static string Of(IStringLocalizer<Refusals> R, HallException e) => R.Of(e);

    /// <summary>
    /// The query a form's redirect carries for <paramref name="e"/>: <c>error=</c> the code (or <c>invalid.{field}</c> for
    /// a wrong field), <c>why=</c> the wording's key and <c>arg=</c> its arguments, the field's own where a field is wrong.
    /// </summary>
    public static string Query(HallException e)
    {
        var (field, error) = e.Errors?.FirstOrDefault() is { Key: { } f, Value: [var first, ..] } ? (f, first) : (null, null);
        var (key, args) = error is null ? (e.Key, e.ArgValues) : (error.Key, error.Args);
        return $"error={Uri.EscapeDataString(field is null ? e.Code : "invalid." + field)}&why={Uri.EscapeDataString(key)}" +
            string.Concat(args.Take(MaxArgs).Select(a => "&arg=" + Uri.EscapeDataString(a.Length > MaxArgLength ? a[..MaxArgLength] : a)));
    }

    /// <summary>
    /// The refusal a redirect brought back (<see cref="Query"/>). A link without a known wording, or with fewer
    /// arguments than its wording needs (typed by hand, or older than a wording), reads as a plain "did not work".
    /// </summary>
    public static string FromQuery(IStringLocalizer<Refusals> R, IStringLocalizer<Texts> T, string? error, string? why, string[]? args)
    {
        if (string.IsNullOrEmpty(error)) return "";
        var key = string.IsNullOrEmpty(why) ? error : why;
        var wording = R[key];
        args ??= [];
        if (wording.ResourceNotFound || args.Length > MaxArgs || Needs(wording.Value) > args.Length) return T["操作未成功，请重试。"];
        return R.Word(key, [.. args.Select(a => a.Length > MaxArgLength ? a[..MaxArgLength] : a)]);
    }

    /// <summary>A hall setting in minutes as people say it: 2小时 / 2 hours for whole hours, else 90分钟 / 90 minutes.</summary>
    public static string Duration(IStringLocalizer<Texts> T, int minutes) => minutes >= 60 && minutes % 60 == 0
        ? T[minutes == 60 ? "{0}小时|one" : "{0}小时", minutes / 60]
        : T[minutes == 1 ? "{0}分钟|one" : "{0}分钟", minutes];

    private static int Needs(string format) =>
        Placeholder().Matches(format.Replace("{{", "").Replace("}}", "")).Select(m => int.Parse(m.Groups[1].Value) + 1).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
