using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Queue.Silo.Engine;

namespace Queue.Display.Shared;

/// <summary>
/// The family of every refusal's words: Resources/Shared/Refusals.resx holds the Chinese, Refusals.{culture}.resx each
/// translation. A key is the refusal's <see cref="HallException.Key"/> (its code, <c>code.variant</c> or
/// <c>invalid.field.reason</c>); a value is a composite format whose <c>{0}</c>, <c>{1}</c> are the refusal's arguments in order.
/// </summary>
public sealed class Refusals;

/// <summary>Words a refusal in the current UI culture: the one way the edge turns a <see cref="HallException"/> into text.</summary>
public static class RefusalWording
{
    /// <summary>For callers that hold no injected localizer (static helpers, pages that only have <c>IStringLocalizer&lt;Texts&gt;</c>).</summary>
    public static IStringLocalizer<Refusals> Shared { get; } = new StringLocalizer<Refusals>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    /// <summary>The refusal's detail in the reader's language.</summary>
    public static string Of(this IStringLocalizer<Refusals> R, HallException e) => R.Word(e.Key, e.ArgValues);

    /// <summary>One field error in the reader's language.</summary>
    public static string Of(this IStringLocalizer<Refusals> R, FieldError error) => R.Word(error.Key, error.Args);

    /// <summary>Every field error in the reader's language, as problem details carry them.</summary>
    public static Dictionary<string, string[]>? ErrorsOf(this IStringLocalizer<Refusals> R, HallException e) =>
        e.Errors?.ToDictionary(kv => kv.Key, kv => kv.Value.Select(R.Of).ToArray());

    /// <summary>
    /// The wording of <paramref name="key"/> with <paramref name="args"/>. A key without wording (a text a page
    /// already worded, or a refusal not yet given one) is shown as it is.
    /// </summary>
    public static string Word(this IStringLocalizer<Refusals> R, string key, params string[] args)
    {
        var found = R[key];
        if (found.ResourceNotFound) return key;
        try { return string.Format(CultureInfo.CurrentCulture, found.Value, args); }
        catch (FormatException) { return found.Value; }
    }
}
