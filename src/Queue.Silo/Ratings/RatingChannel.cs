namespace Queue.Silo.Ratings;

/// <summary>
/// Where a rating came from: the window's evaluator pad, the holder's phone, or the hall's default level
/// given to a ticket left unrated (系统默认评价).
/// </summary>
public enum RatingChannel { Pad, Mobile, SystemDefault }
