namespace Queue.Silo.Ratings;

/// <summary>What a citizen gives: a level, tags of that level, an optional comment and an optional call-back phone.</summary>
public sealed record RatingInput(RatingLevel Level, IReadOnlyList<string> Tags, string? Comment, string? Phone);
