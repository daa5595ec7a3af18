namespace Queue.Silo.Ratings;

/// <summary>The stored <see cref="RatingPolicy"/> of one hall; a hall without a row uses the defaults.</summary>
public sealed class HallRatingPolicy
{
    private HallRatingPolicy() { }

    public HallRatingPolicy(string hallId, RatingPolicy policy)
    {
        HallId = hallId;
        Policy = policy;
    }

    public string HallId { get; private set; } = "";
    public RatingPolicy Policy { get; set; } = new();
    public DateTimeOffset? ChangedAt { get; set; }
    public string? ChangedBy { get; set; }
}
