using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Queue.Silo.Booking;

internal sealed class HallBookingMapping : IEntityTypeConfiguration<HallBooking>
{
    public void Configure(EntityTypeBuilder<HallBooking> e)
    {
        e.ToTable("bookings");
        e.HasKey(b => b.Id);
        e.Property(b => b.HallId).HasMaxLength(64);
        e.Property(b => b.ServiceId).HasMaxLength(64);
        e.Property(b => b.Code).HasMaxLength(8);
        e.Property(b => b.Name).HasMaxLength(50);
        e.Property(b => b.Phone).HasMaxLength(20);
        e.Property(b => b.IdHash).HasMaxLength(64);
        e.Property(b => b.TokenHash).HasMaxLength(64);
        e.HasIndex(b => new { b.HallId, b.ServiceId, b.SlotStart });
        e.HasIndex(b => new { b.HallId, b.Day, b.Code }).IsUnique();
        e.HasIndex(b => new { b.HallId, b.IdHash });
        // One active booking per person, service and day — the database refuses a second even under a race.
        // Quoted identifiers and a string literal read the same on SQLite and PostgreSQL.
        e.HasIndex(b => new { b.HallId, b.ServiceId, b.Day, b.IdHash }).IsUnique().HasFilter("\"Status\" <> 'Cancelled'")
            .HasDatabaseName("ux_bookings_person_service_day");
    }
}
