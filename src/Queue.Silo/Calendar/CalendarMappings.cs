using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Queue.Silo.Calendar;

internal sealed class OpeningHoursMapping : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> e)
    {
        e.ToTable("hall_opening_hours");
        e.HasKey(h => new { h.HallId, h.Weekday });
        e.Property(h => h.HallId).HasMaxLength(64);
    }
}

internal sealed class CalendarDayMapping : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> e)
    {
        e.ToTable("hall_calendar_days");
        e.HasKey(d => new { d.HallId, d.Date });
        e.Property(d => d.HallId).HasMaxLength(64);
        e.Property(d => d.Name).HasMaxLength(100);
    }
}
