using Queue.Silo.Views;

namespace Queue.Silo.Windows;

/// <summary>
/// A window's business day as its grain keeps it: who worked it and when, its figures (counted from the hall's
/// committed tickets) and its score so far (<see cref="Ratings.RatingScores.Formula"/>; null until there is
/// something to score).
/// </summary>
[Immutable]
public sealed record WindowWorkday(
    string HallId,
    string WindowId,
    DateOnly Day,
    WindowState State,
    string? StaffAtWindow,
    IReadOnlyList<WindowShift> Shifts,
    WindowDay Figures,
    int Rated,
    int Satisfied,
    int Bad,
    double? SatisfactionRate,
    double? PerformanceScore);
