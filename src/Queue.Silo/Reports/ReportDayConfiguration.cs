using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Queue.Silo.Reports;

/// <summary><c>report_days</c> (schema version 6): one row per hall and closed business day.</summary>
internal sealed class ReportDayConfiguration : IEntityTypeConfiguration<ReportDay>
{
    public void Configure(EntityTypeBuilder<ReportDay> e)
    {
        e.ToTable("report_days");
        e.HasKey(d => new { d.HallId, d.BusinessDay });
        e.Property(d => d.HallId).HasMaxLength(64);
    }
}
