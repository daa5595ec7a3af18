using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Queue.Silo.Seeding;

/// <summary><c>demo_history</c> (schema version 6): one row per demo hall whose past was generated.</summary>
internal sealed class DemoHistoryConfiguration : IEntityTypeConfiguration<DemoHistoryRecord>
{
    public void Configure(EntityTypeBuilder<DemoHistoryRecord> e)
    {
        e.ToTable("demo_history");
        e.HasKey(d => d.HallId);
        e.Property(d => d.HallId).HasMaxLength(64);
        e.Ignore(d => d.Finished);
    }
}
