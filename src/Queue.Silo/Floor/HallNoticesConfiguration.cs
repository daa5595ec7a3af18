using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Queue.Silo.Halls;

namespace Queue.Silo.Floor;

/// <summary>The hall's notices live on the hall row, so they commit with the hall's other changes.</summary>
public sealed class HallNoticesConfiguration : IEntityTypeConfiguration<Hall>
{
    public void Configure(EntityTypeBuilder<Hall> e) =>
        e.Property(h => h.Notices).HasMaxLength(HallNotices.MaxLines * (HallNotices.MaxLineLength + 1));
}
