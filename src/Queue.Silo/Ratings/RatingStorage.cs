using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Queue.Silo.Storage;

namespace Queue.Silo.Ratings;

/// <summary>Tables of 好差评, outside the hall writer. "Once" rules are unique indexes, so the database itself refuses a second one.</summary>
internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> e)
    {
        e.ToTable("ratings");
        e.HasKey(r => r.Id);
        // 一次一评 and 追评 once: one row per ticket and round.
        e.HasIndex(r => new { r.TicketId, r.Round }).IsUnique();
        e.HasIndex(r => new { r.HallId, r.RatedAt });
        e.HasIndex(r => new { r.HallId, r.BusinessDay });
        e.Property(r => r.HallId).HasMaxLength(64);
        e.Property(r => r.WindowId).HasMaxLength(64);
        e.Property(r => r.StaffId).HasMaxLength(64);
        e.Property(r => r.ServiceId).HasMaxLength(64);
        e.Property(r => r.TicketNumber).HasMaxLength(16);
        e.Property(r => r.Comment).HasMaxLength(2000);
        e.Property(r => r.RaterPhone).HasMaxLength(20);
        e.Property(r => r.ExclusionReason).HasMaxLength(1000);
        e.Property(r => r.Tags).HasConversion(RatingJson.Converter<List<string>>()).Metadata.SetValueComparer(RatingJson.Comparer<List<string>>());
        e.Ignore(r => r.IsExcluded);
    }
}

internal sealed class BadReviewCaseConfiguration : IEntityTypeConfiguration<BadReviewCase>
{
    public void Configure(EntityTypeBuilder<BadReviewCase> e)
    {
        e.ToTable("rating_cases");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.RatingId).IsUnique();
        e.HasIndex(c => new { c.HallId, c.State });
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Ignore(c => c.IsOpen);
    }
}

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> e)
    {
        e.ToTable("rating_case_steps");
        e.HasKey(s => new { s.CaseId, s.Seq });
        e.Property(s => s.ActorId).HasMaxLength(64);
        e.Property(s => s.ActorName).HasMaxLength(100);
        e.Property(s => s.Note).HasMaxLength(2000);
    }
}

internal sealed class HallRatingPolicyConfiguration : IEntityTypeConfiguration<HallRatingPolicy>
{
    public void Configure(EntityTypeBuilder<HallRatingPolicy> e)
    {
        e.ToTable("rating_policies");
        e.HasKey(p => p.HallId);
        e.Property(p => p.Policy).HasConversion(RatingJson.Converter<RatingPolicy>()).Metadata.SetValueComparer(RatingJson.Comparer<RatingPolicy>());
    }
}

internal sealed class RatingPadConfiguration : IEntityTypeConfiguration<RatingPad>
{
    public void Configure(EntityTypeBuilder<RatingPad> e)
    {
        e.ToTable("rating_pads");
        e.HasKey(p => new { p.HallId, p.WindowId });
    }
}

internal static class RatingJson
{
    public static ValueConverter<T, string> Converter<T>() where T : class, new() =>
        new(v => JsonSerializer.Serialize(v, Json.Options), s => JsonSerializer.Deserialize<T>(s, Json.Options) ?? new T());

    public static ValueComparer<T> Comparer<T>() where T : class, new() =>
        new((a, b) => JsonSerializer.Serialize(a, Json.Options) == JsonSerializer.Serialize(b, Json.Options),
            v => JsonSerializer.Serialize(v, Json.Options).GetHashCode(),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json.Options), Json.Options)!);
}
