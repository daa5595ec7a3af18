namespace Queue.Silo.Prediction;

/// <summary>
/// Service times learned from history: per service an exponentially weighted mean and second moment
/// (so the spread is known too), seeded from the service norm; per window a mean shrunk towards the
/// service's until the window has enough history of its own.
/// </summary>
public sealed class ServiceTimeModel
{
    /// <summary>Weight of the newest observation; about the last 40 services dominate.</summary>
    private const double Weight = 0.05;

    /// <summary>Observations a window needs before its own mean counts as much as the service's.</summary>
    private const double WindowShrink = 20;

    private readonly Dictionary<string, (double Mean, double MeanSquare)> services = [];
    private readonly Dictionary<(string Service, string Window), (double Mean, int Count)> windows = [];

    public void Observe(string serviceId, string? windowId, double minutes, double normMinutes)
    {
        var (mean, square) = Service(serviceId, normMinutes);
        services[serviceId] = ((1 - Weight) * mean + Weight * minutes, (1 - Weight) * square + Weight * minutes * minutes);
        if (windowId is null) return;
        var w = windows.TryGetValue((serviceId, windowId), out var seen) ? seen : (Mean: mean, Count: 0);
        windows[(serviceId, windowId)] = ((1 - Weight) * w.Mean + Weight * minutes, w.Count + 1);
    }

    public double Mean(string serviceId, double normMinutes) => Service(serviceId, normMinutes).Mean;

    /// <summary>The window's expected handling time for the service.</summary>
    public double Mean(string serviceId, string windowId, double normMinutes)
    {
        var service = Mean(serviceId, normMinutes);
        if (!windows.TryGetValue((serviceId, windowId), out var w)) return service;
        return (w.Count * w.Mean + WindowShrink * service) / (w.Count + WindowShrink);
    }

    /// <summary>Squared coefficient of variation (1 for exponential service, 0 for fixed times), clamped to [0, 1].</summary>
    public double SquaredCv(string serviceId, double normMinutes)
    {
        var (mean, square) = Service(serviceId, normMinutes);
        if (mean <= 0) return 1;
        return Math.Clamp(square / (mean * mean) - 1, 0, 1);
    }

    /// <summary>Seeded as if service times were exponential around the norm until history says otherwise.</summary>
    private (double Mean, double MeanSquare) Service(string serviceId, double normMinutes) =>
        services.TryGetValue(serviceId, out var s) ? s : (normMinutes, 2 * normMinutes * normMinutes);
}
