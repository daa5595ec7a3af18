using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Queue.Silo.Idempotency;

/// <summary>
/// A request made with an <c>Idempotency-Key</c> (design.md §4): which body it had, and once answered, the answer
/// to give again for 24 hours. <see cref="Status"/> 0 while the first request is still running.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>SHA-256 (hex) of the caller, the route and the client's key: a key is only ever one caller's.</summary>
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }

    /// <summary>The answer's body, protected with the hall's data-protection keys (it may carry a ticket's token).</summary>
    public string? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("idempotency_keys");
        e.HasKey(r => r.Key);
        e.Property(r => r.Key).HasMaxLength(64);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        e.Property(r => r.ContentType).HasMaxLength(200);
        e.Property(r => r.Location).HasMaxLength(500);
        e.HasIndex(r => r.CreatedAt);
    }
}
