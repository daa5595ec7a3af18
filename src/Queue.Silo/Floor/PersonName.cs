using System.Globalization;
using System.Text;

namespace Queue.Silo.Floor;

/// <summary>
/// Names on public screens are masked (design.md §7): a Chinese name keeps its first and last character
/// (张三丰 → 张*丰, 欧阳娜娜 → 欧**娜, 张三 → 张*); a Latin name keeps each word's initial (John Smith →
/// J*** S****). Characters are counted as text elements, so a rare character outside the BMP stays whole.
/// </summary>
public static class PersonName
{
    public static string Mask(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var trimmed = name.Trim();
        if (trimmed.Any(char.IsWhiteSpace))
            return string.Join(' ', trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(MaskWord));
        return MaskWord(trimmed);
    }

    private static string MaskWord(string word)
    {
        var parts = TextElements(word);
        if (parts.Count == 1) return parts[0];
        if (parts.Count == 2 || IsLatin(word)) return parts[0] + new string('*', parts.Count - 1);
        return parts[0] + new string('*', parts.Count - 2) + parts[^1];
    }

    private static bool IsLatin(string word) => word.All(c => c < 0x2E80);

    private static List<string> TextElements(string s)
    {
        var result = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext()) result.Add(e.GetTextElement());
        return result;
    }
}
