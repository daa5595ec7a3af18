using System.Globalization;

namespace Queue.Display.Shared;

/// <summary>
/// The languages the pages speak: Chinese (the neutral language of <see cref="Texts"/>) and every culture the build
/// made a satellite assembly of the pages' resources for. A Texts.{culture}.resx is all it takes to add one.
/// </summary>
public static class Languages
{
    public static IReadOnlyList<CultureInfo> All { get; } = Discover();

    /// <summary>The culture a visitor's choice names ("en", "ug", "zh"), or Chinese for anything not offered.</summary>
    public static CultureInfo Choose(string? lang) =>
        All.FirstOrDefault(c => lang is { Length: > 0 } && (c.Name.Equals(lang, StringComparison.OrdinalIgnoreCase)
            || c.TwoLetterISOLanguageName.Equals(lang, StringComparison.OrdinalIgnoreCase))) ?? All[0];

    /// <summary>A language's own name (中文, English, ئۇيغۇرچە), as a visitor who reads it looks for it.</summary>
    public static string NativeName(CultureInfo c) => CultureInfo.GetCultureInfo(c.TwoLetterISOLanguageName).NativeName;

    public static bool RightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    private static List<CultureInfo> Discover()
    {
        var found = new List<CultureInfo> { CultureInfo.GetCultureInfo("zh-CN") };
        var satellite = typeof(Texts).Assembly.GetName().Name + ".resources.dll";
        foreach (var dir in Directory.EnumerateDirectories(AppContext.BaseDirectory).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(dir, satellite))) continue;
            try { found.Add(CultureInfo.GetCultureInfo(Path.GetFileName(dir), predefinedOnly: true)); }
            catch (CultureNotFoundException) { } // a folder that only looks like a culture
        }
        return found;
    }
}
