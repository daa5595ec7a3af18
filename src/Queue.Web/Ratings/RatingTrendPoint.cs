namespace Queue.Web.Ratings;

/// <summary>One period of the rating trend: how many ratings, and the satisfaction rate (0–100, null without ratings).</summary>
public sealed record RatingTrendPoint(string Label, int Ratings, double? SatisfactionPercent);
