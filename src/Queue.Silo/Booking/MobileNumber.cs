using System.Text.RegularExpressions;
using Queue.Silo.Citizen;

namespace Queue.Silo.Booking;

/// <summary>
/// A mainland mobile number (手机号码) for a booking's SMS and call-back. A phone's autofill writes "+86 138 1234 5678"
/// and people write "138-1234-5678": both are the same 11 digits, which is what is kept.
/// </summary>
public static partial class MobileNumber
{
    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    /// <summary>The 11 digits, or null when <paramref name="value"/> is not a mainland mobile number.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null) return null;
        var digits = TypedNumber.Compact(value);
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return Mobile().IsMatch(digits) ? digits : null;
    }
}
