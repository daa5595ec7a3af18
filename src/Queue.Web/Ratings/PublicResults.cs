using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>
/// What a hall publishes under 结果公开: a month's scores per window and per category and how its 差评
/// were rectified. Counts and rates only — no rater, no staff member, no comment.
/// </summary>
public sealed record PublicResults(string HallId, string HallName, string Month, IReadOnlyList<PublicScore> Windows,
    IReadOnlyList<PublicScore> Categories, PublicScore? Hall, int BadReviews, int Rectified, int InProgress, int Excluded, double? RectificationRate)
{
    public static async Task<PublicResults> BuildAsync(RatingScores scores, string hallId, string hallName, DateOnly month, CancellationToken ct = default)
    {
        var period = ScorePeriod.Of("month", month);
        var windows = await scores.ComputeAsync(hallId, period.From, period.To, ScoreGrouping.Window, ct);
        var categories = await scores.ComputeAsync(hallId, period.From, period.To, ScoreGrouping.Category, ct);
        var hall = (await scores.ComputeAsync(hallId, period.From, period.To, ScoreGrouping.Hall, ct)).FirstOrDefault();
        var excluded = hall?.Excluded ?? 0;
        return new PublicResults(hallId, hallName, period.Label, windows.Select(PublicScore.Of).ToList(), categories.Select(PublicScore.Of).ToList(),
            hall is null ? null : PublicScore.Of(hall), hall?.Cases ?? 0, hall?.CasesClosed ?? 0, (hall?.Cases ?? 0) - (hall?.CasesClosed ?? 0), excluded,
            hall?.RectificationRate);
    }
}
