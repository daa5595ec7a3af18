using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Queue.Silo.Supervision;

public sealed class AlertAcknowledgementConfiguration : IEntityTypeConfiguration<AlertAcknowledgement>
{
    public void Configure(EntityTypeBuilder<AlertAcknowledgement> e)
    {
        e.ToTable("alert_acknowledgements");
        e.HasKey(a => a.Id);
        e.Property(a => a.HallId).HasMaxLength(64);
        e.Property(a => a.Key).HasMaxLength(128);
        e.Property(a => a.Text).HasMaxLength(500);
        e.Property(a => a.TextEn).HasMaxLength(500);
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(a => a.Level).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(a => new { a.HallId, a.Key, a.Level }).IsUnique();
        e.HasIndex(a => new { a.HallId, a.AcknowledgedAt });
    }
}
