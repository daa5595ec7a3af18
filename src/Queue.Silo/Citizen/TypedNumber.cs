using System.Text;

namespace Queue.Silo.Citizen;

/// <summary>
/// A number as a citizen types it on a phone or a kiosk: "138 1234 5678", "+86-138…", full-width "１３８…" or "Ｘ" from
/// a Chinese keyboard, "(0571) 8888-6666". Full-width forms become ASCII (NFKC) and the separators people put between
/// groups are dropped, so each check (mobile, call-back number, ID number) sees just the characters that matter.
/// </summary>
public static class TypedNumber
{
    /// <summary><paramref name="value"/> in ASCII without spaces, hyphens, dots or brackets; letters and '+' are kept for the caller to judge.</summary>
    public static string Compact(string value)
    {
        var compact = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c) && c is not ('-' or '‐' or '–' or '—' or '.' or '(' or ')')) compact.Append(c);
        return compact.ToString();
    }
}
