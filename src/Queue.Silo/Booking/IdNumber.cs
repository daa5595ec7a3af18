using System.Globalization;
using Queue.Silo.Citizen;

namespace Queue.Silo.Booking;

/// <summary>公民身份号码 (GB 11643-1999): 17 digits (region, birth date, sequence) and an ISO 7064 MOD 11-2 check character.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>The number in canonical form (upper-case X), or null when it is not a valid 18-digit ID number.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null) return null;
        var id = TypedNumber.Compact(value).ToUpperInvariant(); // "110105 19491231 002x", full-width digits
        if (id.Length != 18) return null;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return null;
            sum += (id[i] - '0') * Weights[i];
        }
        if (CheckChars[sum % 11] != id[17]) return null;
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) || born.Year < 1900)
            return null;
        return id;
    }

    /// <summary>The check character for 17 digits (used by tests and demo data to build valid numbers).</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }
}
