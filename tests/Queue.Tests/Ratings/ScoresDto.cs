namespace Queue.Tests.Ratings;

/// <summary>The scores answer.</summary>
public sealed record ScoresDto(string Formula, List<ScoreRowDto> Rows);

public sealed record ScoreRowDto(string Key, string Name, int Served, int Rated, int ActiveRatings, int Satisfied, int Bad, int Excluded,
    double? SatisfactionRate, double? WeightedScore, double? ActiveRate, int Cases, int CasesClosed, double? RectificationRate, double? OnTimeRate,
    double? AverageHandlingMinutes, double? NormMinutes, double? PerformanceScore);
