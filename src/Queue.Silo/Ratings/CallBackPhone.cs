using Queue.Silo.Citizen;

namespace Queue.Silo.Ratings;

/// <summary>
/// The call-back number a rater leaves (回访电话), as people type it (<see cref="TypedNumber"/>): "138 1234 5678",
/// "0571-8888 6666", full-width digits. The 5–20 digit check runs on the compact form, so the API and the phone page
/// accept the same numbers and the stored number is digits only (masking and the evaluator's dialling read it alike).
/// </summary>
public static class CallBackPhone
{
    public const int MinDigits = 5;
    public const int MaxDigits = 20;

    /// <summary>The digits of <paramref name="phone"/>, or null when it is not a phone number (letters, too few or too many digits).</summary>
    public static string? Normalize(string phone)
    {
        var digits = TypedNumber.Compact(phone);
        if (digits.StartsWith('+')) digits = digits[1..]; // +86 …: the country code is part of the number to dial
        return digits.Length is >= MinDigits and <= MaxDigits && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
