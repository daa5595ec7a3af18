using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Floor;

/// <summary>Stores the outcome details of a ticket and its 补办 link; the unique index backs "re-enter once".</summary>
public sealed class TicketFloorConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> e)
    {
        e.Property(t => t.MissingMaterials)
            .HasConversion(v => JsonSerializer.Serialize(v, Json.Options), s => JsonSerializer.Deserialize<List<string>>(s, Json.Options) ?? new List<string>())
            .Metadata.SetValueComparer(new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
        e.HasIndex(t => t.ReturnOfTicketId).IsUnique();
    }
}
