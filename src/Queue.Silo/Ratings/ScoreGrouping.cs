namespace Queue.Silo.Ratings;

/// <summary>What scores are computed per.</summary>
public enum ScoreGrouping { Window, Staff, Service, Category, Hall }
