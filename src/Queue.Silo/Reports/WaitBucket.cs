namespace Queue.Silo.Reports;

/// <summary>Called tickets whose wait was at least <see cref="FromMinutes"/> and below <see cref="ToMinutes"/> (null: no upper end).</summary>
public sealed record WaitBucket(int FromMinutes, int? ToMinutes, int Tickets);
