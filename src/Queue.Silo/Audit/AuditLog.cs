using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;

namespace Queue.Silo.Audit;

/// <summary>The append-only log of administrative changes (who, what, when, before → after). Never edited, never pruned.</summary>
public sealed class AuditLog(IDbContextFactory<QueueDb> dbs, TimeProvider time)
{
    public const int MaxRead = 1000;

    // No method writes an entry on its own: each is saved with the change it records, in one transaction (decision 0107).

    /// <summary>An entry for the caller to save with the change itself; <paramref name="before"/> and <paramref name="after"/> as the API shows them.</summary>
    public AuditEntry Entry(string actor, string? hallId, string action, string subject, object? before, object? after) =>
        Entry(time.GetUtcNow(), actor, hallId, action, subject, before, after);

    /// <summary>An entry made at <paramref name="at"/> (the hall grain's clock): written with the hall's commit.</summary>
    public static AuditEntry Entry(DateTimeOffset at, string actor, string? hallId, string action, string subject, object? before, object? after) =>
        new(Guid.NewGuid(), at, actor, hallId, action, subject, Serialize(before), Serialize(after));

    /// <summary>Newest first; <paramref name="hallId"/> null for every hall (and the changes that belong to none, e.g. accounts of admins).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? hallId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<AuditEntry>().AsNoTracking();
        if (hallId is not null) q = q.Where(a => a.HallId == hallId);
        if (from is { } f) q = q.Where(a => a.At >= f);
        if (to is { } t) q = q.Where(a => a.At < t);
        return await q.OrderByDescending(a => a.At).Take(MaxRead).ToListAsync(ct);
    }

    private static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json.Options);
}
