using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Queue.Silo.Accounts;
using Queue.Silo.Halls;
using Queue.Silo.Services;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Storage;

/// <summary>The one database of QueueHall, on SQLite (embedded) or PostgreSQL (scale-out).</summary>
public class QueueDb(DbContextOptions<QueueDb> options) : DbContext(options)
{
    public DbSet<Hall> Halls => Set<Hall>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<HallWindow> Windows => Set<HallWindow>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketCounter> TicketCounters => Set<TicketCounter>();
    public DbSet<HallEventRecord> HallEvents => Set<HallEventRecord>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    private bool? isSqlite;

    // Asked several times per row in a hall batch; the provider of a context never changes.
    public bool IsSqlite => isSqlite ??= Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no native instant type; storing UTC ticks keeps ordering and range queries in SQL.
        if (IsSqlite) builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Hall>(e =>
        {
            e.ToTable("halls");
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).HasMaxLength(64);
            e.Property(h => h.Name).HasMaxLength(200);
            e.Property(h => h.Settings).HasConversion(JsonConverter<HallSettings>()).Metadata.SetValueComparer(JsonComparer<HallSettings>());
        });
        b.Entity<Service>(e =>
        {
            e.ToTable("services");
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.HallId);
            e.Property(s => s.Guide).HasConversion(JsonConverter<ServiceGuide>()).Metadata.SetValueComparer(JsonComparer<ServiceGuide>());
        });
        b.Entity<HallWindow>(e =>
        {
            e.ToTable("windows");
            e.HasKey(w => w.Id);
            e.HasIndex(w => new { w.HallId, w.Number }).IsUnique();
            e.Property(w => w.ServiceIds).HasConversion(JsonConverter<List<string>>()).Metadata.SetValueComparer(JsonComparer<List<string>>());
        });
        b.Entity<Ticket>(e =>
        {
            e.ToTable("tickets");
            e.HasKey(t => t.Id);
            e.Property(t => t.Number).HasMaxLength(16);
            // The database itself refuses a number issued twice for one hall and day.
            e.HasIndex(t => new { t.HallId, t.BusinessDay, t.Number }).IsUnique();
            e.HasIndex(t => new { t.HallId, t.Status });
            // Reports read a hall's business days from this index alone, never the table (schema versions 4 and 6, decisions 0087, 0101);
            // PostgreSQL carries the measures as INCLUDE columns, SQLite (which has none) as trailing key columns.
            if (IsSqlite)
                e.HasIndex(t => new { t.HallId, t.BusinessDay, t.IssuedAt, t.ArrivedAt, t.FirstCalledAt, t.StartedAt, t.FinishedAt, t.Status, t.Channel, t.Outcome, t.ServiceId, t.WindowId, t.StaffId, t.TransferCount }, "IX_tickets_report");
            else
                e.HasIndex(t => new { t.HallId, t.BusinessDay }, "IX_tickets_report")
                    .IncludeProperties(t => new { t.IssuedAt, t.ArrivedAt, t.FirstCalledAt, t.StartedAt, t.FinishedAt, t.Status, t.Channel, t.Outcome, t.ServiceId, t.WindowId, t.StaffId, t.TransferCount });
            e.Ignore(t => t.IsActive);
        });
        b.Entity<TicketCounter>(e =>
        {
            e.ToTable("ticket_counters");
            e.HasKey(c => new { c.HallId, c.Day, c.Prefix });
        });
        b.Entity<HallEventRecord>(e =>
        {
            e.ToTable("hall_events");
            e.HasKey(x => new { x.HallId, x.Seq });
            e.Property(x => x.Type).HasMaxLength(64);
        });
        b.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.UserName).IsUnique();
        });
        b.Entity<DataProtectionKeyRecord>(e => e.ToTable("data_protection_keys"));
        // Feature folders map their own entities with IEntityTypeConfiguration<T> classes.
        b.ApplyConfigurationsFromAssembly(typeof(QueueDb).Assembly);
    }

    private static ValueConverter<T, string> JsonConverter<T>() where T : class, new() =>
        new(v => JsonSerializer.Serialize(v, Json.Options), s => JsonSerializer.Deserialize<T>(s, Json.Options) ?? new T());

    private static ValueComparer<T> JsonComparer<T>() where T : class, new() =>
        new((a, c) => JsonSerializer.Serialize(a, Json.Options) == JsonSerializer.Serialize(c, Json.Options),
            v => JsonSerializer.Serialize(v, Json.Options).GetHashCode(),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json.Options), Json.Options)!);
}
