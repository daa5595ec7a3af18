namespace Queue.Silo.Ratings;

/// <summary>Overdue cases escalate: yellow when past the deadline, red when far past it.</summary>
public enum BadReviewEscalation { None, Yellow, Red }
