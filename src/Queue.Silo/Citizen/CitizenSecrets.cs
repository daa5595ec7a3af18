using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;

namespace Queue.Silo.Citizen;

/// <summary>
/// Keyed hashes (HMAC-SHA256) under installation-wide secrets from <see cref="CitizenSecret"/>, so all nodes agree.
/// </summary>
public sealed class CitizenSecrets(IDbContextFactory<QueueDb> dbs)
{
    public const string IdNumbers = "id-number";
    public const string Presence = "presence";
    public const string Devices = "device";

    private readonly ConcurrentDictionary<string, byte[]> keys = new();

    /// <summary>
    /// Creates the installation's secrets at start-up, so no request (not even a stray GET of the presence
    /// code) is what first writes them.
    /// </summary>
    public async Task EnsureAsync()
    {
        foreach (var purpose in new[] { IdNumbers, Presence, Devices }) await KeyAsync(purpose);
    }

    public async Task<byte[]> KeyAsync(string purpose)
    {
        if (keys.TryGetValue(purpose, out var known)) return known;
        await using var db = await dbs.CreateDbContextAsync();
        // The first node to need the secret creates it; a node racing it keeps the winner's (same SQL on SQLite and PostgreSQL).
        await db.Database.ExecuteSqlRawAsync("INSERT INTO citizen_secrets (\"Purpose\", \"Key\") VALUES ({0}, {1}) ON CONFLICT DO NOTHING",
            [purpose, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))]);
        var stored = await db.Set<CitizenSecret>().AsNoTracking().FirstAsync(s => s.Purpose == purpose);
        return keys.GetOrAdd(purpose, Convert.FromBase64String(stored.Key));
    }

    /// <summary>Lower-case hex HMAC of <paramref name="value"/> under the purpose's key.</summary>
    public async Task<string> HashAsync(string purpose, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await KeyAsync(purpose), Encoding.UTF8.GetBytes(value)));
}
