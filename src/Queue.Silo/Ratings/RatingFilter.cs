namespace Queue.Silo.Ratings;

/// <summary>The console's and the exports' filter; <see cref="From"/>/<see cref="To"/> are service days (inclusive).</summary>
public sealed record RatingFilter(string? HallId = null, string? WindowId = null, string? StaffId = null, string? ServiceId = null,
    RatingLevel? Level = null, DateOnly? From = null, DateOnly? To = null);
