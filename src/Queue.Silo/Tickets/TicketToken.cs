using System.Security.Cryptography;
using System.Text;

namespace Queue.Silo.Tickets;

/// <summary>The holder's secret: 192 random bits, URL-safe; only its hash is stored.</summary>
public static class TicketToken
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Constant-time comparison, so response timing does not leak the hash.</summary>
    public static bool Matches(string? token, string hash) =>
        !string.IsNullOrEmpty(token) && token.Length <= 128 &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
