namespace Queue.Silo.Ratings;

/// <summary>
/// The scores of one window, staff member, service, category or hall over a period. Rates are 0…1 and
/// null when there is nothing to divide by. <see cref="PerformanceScore"/> follows <see cref="RatingScores.Formula"/>.
/// </summary>
public sealed record ScoreRow(
    string Key,
    string Name,
    int Served,
    int Rated,
    int ActiveRatings,
    int Satisfied,
    int Bad,
    int Excluded,
    double? SatisfactionRate,
    double? WeightedScore,
    double? ActiveRate,
    int Cases,
    int CasesClosed,
    double? RectificationRate,
    double? OnTimeRate,
    double? AverageHandlingMinutes,
    double? NormMinutes,
    double? PerformanceScore);
