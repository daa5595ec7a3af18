using System.Security.Cryptography;
using System.Text;
using Queue.Silo.Citizen;

namespace Queue.Silo.Presence;

/// <summary>
/// The hall's presence code (签到码) shown on the wall: <c>{step}.{signature}</c>, where the step is the
/// current 30-second period and the signature an HMAC of hall and step. A code is accepted during its own
/// period and the next one (so 30–60 s after it appeared), which makes a photo of the wall useless a
/// minute later. See docs/decisions/0031.
/// </summary>
public sealed class PresenceCodes(CitizenSecrets secrets, TimeProvider time)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    public long CurrentStep => time.GetUtcNow().ToUnixTimeSeconds() / (long)Period.TotalSeconds;

    /// <summary>The code valid now for <paramref name="hallId"/>.</summary>
    public async Task<string> CurrentAsync(string hallId)
    {
        var step = CurrentStep;
        return $"{step}.{await SignAsync(hallId, step)}";
    }

    /// <summary>When the code shown now stops being accepted.</summary>
    public DateTimeOffset CurrentExpiresAt => DateTimeOffset.FromUnixTimeSeconds((CurrentStep + 2) * (long)Period.TotalSeconds);

    public async Task<PresenceCheck> CheckAsync(string hallId, string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 80) return PresenceCheck.Forged;
        var dot = code.IndexOf('.');
        if (dot <= 0 || !long.TryParse(code.AsSpan(0, dot), out var step)) return PresenceCheck.Forged;
        var expected = await SignAsync(hallId, step);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code[(dot + 1)..])))
            return PresenceCheck.Forged;
        var now = CurrentStep;
        if (step > now) return PresenceCheck.Forged;
        return now - step <= 1 ? PresenceCheck.Valid : PresenceCheck.Expired;
    }

    private async Task<string> SignAsync(string hallId, long step)
    {
        var mac = HMACSHA256.HashData(await secrets.KeyAsync(CitizenSecrets.Presence), Encoding.UTF8.GetBytes($"{hallId}|{step}"));
        return Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
