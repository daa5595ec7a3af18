using System.Text.RegularExpressions;
using System.Xml.Linq;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Languages;

/// <summary>
/// The pages' words live in Resources/Shared/Texts*.resx: every key the code asks for is in the Chinese catalog,
/// has its English, and no translation asks for a placeholder its Chinese does not give.
/// </summary>
public sealed partial class ResourceCatalogTests
{
    private static readonly string Resources = Path.Combine(TestEnvironment.RepoRoot, "src", "Queue.Display", "Resources", "Shared");

    [Fact]
    public void EveryKeyThePagesUseIsInTheChineseCatalogAndHasItsEnglish()
    {
        var zh = Catalog("Texts.resx");
        var en = Catalog("Texts.en.resx");
        var used = UsedKeys();
        Assert.True(used.Count > 500, $"found only {used.Count} keys in the source; the scan has lost its way");
        Assert.Empty(used.Where(k => !zh.ContainsKey(k)).Select(k => "not in Texts.resx: " + k));
        Assert.Empty(zh.Keys.Where(k => !en.ContainsKey(k)).Select(k => "no English for: " + k));
    }

    [Fact]
    public void NoPageWordsItselfOutsideTheCatalog()
    {
        var old = SourceFiles().Where(f => File.ReadAllText(f).Contains("L.T(", StringComparison.Ordinal)).ToList();
        Assert.Empty(old);
    }

    [Theory]
    [InlineData("Texts", "en")]
    [InlineData("Texts", "ug")]
    [InlineData("Refusals", "en")]
    [InlineData("Refusals", "ug")]
    public void TranslationsAnswerOnlyKeysOfTheCatalogWithTheirPlaceholders(string family, string culture)
    {
        var zh = Catalog($"{family}.resx");
        var file = $"{family}.{culture}.resx";
        var translated = Catalog(file);
        Assert.NotEmpty(translated);
        foreach (var (key, value) in translated)
        {
            Assert.True(zh.TryGetValue(key, out var chinese), $"{file} translates a key the catalog lacks: {key}");
            Assert.False(string.IsNullOrWhiteSpace(value) && !string.IsNullOrWhiteSpace(chinese) && culture != "en", $"{file} leaves {key} empty");
            var extra = Placeholders(value).Except(Placeholders(chinese!)).ToList();
            Assert.True(extra.Count == 0, $"{file}: \"{value}\" uses {string.Join(", ", extra)}, which \"{chinese}\" does not give");
        }
    }

    private static Dictionary<string, string> Catalog(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static IEnumerable<string> Placeholders(string format) => PlaceholderPattern().Matches(format.Replace("{{", "").Replace("}}", "")).Select(m => m.Groups[1].Value);

    private static HashSet<string> UsedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            // T["key"], T["key", args] and T[cond ? "a" : "b", …]: every string literal inside the indexer's first argument.
            foreach (Match m in IndexerPattern().Matches(text))
                foreach (Match s in LiteralPattern().Matches(m.Groups[1].Value))
                    keys.Add(Regex.Unescape(s.Groups[1].Value));
        }
        return keys;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestEnvironment.RepoRoot, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("""\bT\[((?:[^\]"]|"(?:[^"\\]|\\.)*")*?)(?:,[^\]]*)?\]""")]
    private static partial Regex IndexerPattern();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LiteralPattern();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
