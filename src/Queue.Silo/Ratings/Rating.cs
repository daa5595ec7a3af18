namespace Queue.Silo.Ratings;

/// <summary>
/// One rating of one served ticket (评价). Bound at creation to the ticket, window, staff member and service
/// that served it. <see cref="Round"/> is the GB/T 39046 评价次数: 1 for the rating, 2 for the one follow-up
/// (追评) after a bad-review case closed; the unique index on (ticket, round) makes each happen once.
/// </summary>
public sealed class Rating
{
    private Rating() { }

    public Rating(Guid id, RatingSubject subject, int round, RatingLevel level, IReadOnlyList<string> tags, string? comment,
        RatingChannel channel, string? raterPhone, DateTimeOffset ratedAt)
    {
        Id = id;
        TicketId = subject.TicketId;
        HallId = subject.HallId;
        WindowId = subject.WindowId;
        StaffId = subject.StaffId;
        ServiceId = subject.ServiceId;
        TicketNumber = subject.TicketNumber;
        BusinessDay = subject.BusinessDay;
        ServedAt = subject.ServedAt;
        Round = round;
        Level = level;
        Tags = tags.ToList();
        Comment = comment;
        Channel = channel;
        RaterPhone = raterPhone;
        RatedAt = ratedAt;
    }

    public Guid Id { get; private set; }
    public Guid TicketId { get; private set; }
    public string HallId { get; private set; } = "";
    public string WindowId { get; private set; } = "";
    public string? StaffId { get; private set; }
    public string ServiceId { get; private set; } = "";
    public string TicketNumber { get; private set; } = "";
    public DateOnly BusinessDay { get; private set; }
    public DateTimeOffset ServedAt { get; private set; }
    public int Round { get; private set; }
    public RatingLevel Level { get; private set; }
    public List<string> Tags { get; private set; } = [];
    public string? Comment { get; private set; }
    public RatingChannel Channel { get; private set; }

    /// <summary>A phone left for the call-back (回访); only evaluators see it unmasked. No ID number is ever kept.</summary>
    public string? RaterPhone { get; private set; }
    public DateTimeOffset RatedAt { get; private set; }

    /// <summary>Set when an appeal's re-check found the 差评 mistaken or malicious; it then counts in no score.</summary>
    public DateTimeOffset? ExcludedAt { get; private set; }
    public string? ExclusionReason { get; private set; }

    public bool IsExcluded => ExcludedAt is not null;

    internal void Exclude(string reason, DateTimeOffset at)
    {
        ExcludedAt = at;
        ExclusionReason = reason;
    }
}
