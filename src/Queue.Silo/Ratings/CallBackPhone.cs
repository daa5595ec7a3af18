using System.Text;

namespace Queue.Silo.Ratings;

/// <summary>
/// The call-back number a rater leaves (回访电话), as people type it: "138 1234 5678", "0571-8888 6666",
/// full-width digits from a Chinese keyboard. Spaces, hyphens, dots and brackets are dropped and full-width
/// digits become ASCII before the 5–20 digit check, so the API and the phone page accept the same numbers
/// and the stored number is digits only (masking and the evaluator's dialling read it alike).
/// </summary>
public static class CallBackPhone
{
    public const int MinDigits = 5;
    public const int MaxDigits = 20;

    /// <summary>The digits of <paramref name="phone"/>, or null when it is not a phone number (letters, too few or too many digits).</summary>
    public static string? Normalize(string phone)
    {
        var digits = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            if (c is >= '0' and <= '9') digits.Append(c);
            else if (c is >= '０' and <= '９') digits.Append((char)('0' + (c - '０')));
            else if (!char.IsWhiteSpace(c) && c is not ('-' or '－' or '‐' or '–' or '—' or '.' or '(' or ')' or '（' or '）')) return null;
        }
        return digits.Length is >= MinDigits and <= MaxDigits ? digits.ToString() : null;
    }
}
