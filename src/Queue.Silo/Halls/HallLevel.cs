namespace Queue.Silo.Halls;

/// <summary>City (市) → town (镇/街) → village (村/社区).</summary>
public enum HallLevel { City, Town, Village }
