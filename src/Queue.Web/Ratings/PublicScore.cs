using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>One published line: a window's or a category's month, without personal data.</summary>
public sealed record PublicScore(string Name, int Served, int Rated, double? SatisfactionRate, double? WeightedScore, int BadReviews, int Rectified, double? PerformanceScore)
{
    public static PublicScore Of(ScoreRow r) => new(r.Name, r.Served, r.Rated, r.SatisfactionRate, r.WeightedScore, r.Cases, r.CasesClosed, r.PerformanceScore);
}
