using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>A rating as the API shows it; <see cref="Phone"/> is masked unless the reader is an evaluator.</summary>
public sealed record RatingView(Guid Id, Guid TicketId, string HallId, string WindowId, string? StaffId, string ServiceId, string TicketNumber,
    DateOnly BusinessDay, int Round, RatingLevel Level, int Code, IReadOnlyList<string> Tags, string? Comment, RatingChannel Channel,
    string? Phone, DateTimeOffset RatedAt, bool Excluded, string? ExclusionReason)
{
    public static RatingView Of(Rating r, bool fullPhone) => new(r.Id, r.TicketId, r.HallId, r.WindowId, r.StaffId, r.ServiceId, r.TicketNumber,
        r.BusinessDay, r.Round, r.Level, r.Level.Code(), r.Tags, r.Comment, r.Channel, RaterPhone.Show(r.RaterPhone, fullPhone), r.RatedAt,
        r.IsExcluded, r.ExclusionReason);
}
