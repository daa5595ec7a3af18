namespace Queue.Silo.Windows;

/// <summary>One staff member's time at a window today: from their first to their latest action there.</summary>
[Immutable]
public sealed record WindowShift(string StaffId, string Name, DateTimeOffset From, DateTimeOffset To);
