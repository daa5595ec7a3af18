using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Queue.Silo.Citizen;

internal sealed class CitizenSecretMapping : IEntityTypeConfiguration<CitizenSecret>
{
    public void Configure(EntityTypeBuilder<CitizenSecret> e)
    {
        e.ToTable("citizen_secrets");
        e.HasKey(s => s.Purpose);
        e.Property(s => s.Purpose).HasMaxLength(32);
        e.Property(s => s.Key).HasMaxLength(64);
    }
}
