namespace Queue.Silo.Prediction;

/// <summary>
/// Service times learned from history: per service an exponentially weighted mean and second moment
/// (so the spread is known too), seeded from the service norm; per window a mean shrunk towards the
/// service's until the window has enough history of its own.
/// </summary>
public sealed class ServiceTimeModel
{
    /// <summary>
    /// Weight of the newest observation once history is long: half the weight on the last 35 services. A
    /// shorter memory (0.05) let a few long services inflate the mean just when the queue is long — a ticket
    /// with k ahead multiplies the mean's error by k (decision 0056).
    /// </summary>
    private const double Weight = 0.02;

    /// <summary>The norm counts as this many observations: early history replaces it quickly (weight 1 ÷ (n + this)).</summary>
    private const double NormObservations = 4;

    /// <summary>Observations a window needs before its own mean counts as much as the service's.</summary>
    private const double WindowShrink = 20;

    private readonly Dictionary<string, (double Mean, double MeanSquare, int Count)> services = [];
    private readonly Dictionary<(string Service, string Window), (double Mean, int Count)> windows = [];

    /// <summary>A copy that a replay on another thread can read while this one goes on learning.</summary>
    internal ServiceTimeModel Copy()
    {
        var copy = new ServiceTimeModel();
        foreach (var (k, v) in services) copy.services[k] = v;
        foreach (var (k, v) in windows) copy.windows[k] = v;
        return copy;
    }

    public void Observe(string serviceId, string? windowId, double minutes, double normMinutes)
    {
        var (mean, square, count) = Service(serviceId, normMinutes);
        var weight = WeightAfter(count);
        services[serviceId] = ((1 - weight) * mean + weight * minutes, (1 - weight) * square + weight * minutes * minutes, count + 1);
        if (windowId is null) return;
        var w = windows.TryGetValue((serviceId, windowId), out var seen) ? seen : (Mean: mean, Count: 0);
        var windowWeight = WeightAfter(w.Count);
        windows[(serviceId, windowId)] = ((1 - windowWeight) * w.Mean + windowWeight * minutes, w.Count + 1);
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
        var (mean, square, _) = Service(serviceId, normMinutes);
        if (mean <= 0) return 1;
        return Math.Clamp(square / (mean * mean) - 1, 0, 1);
    }

    /// <summary>Seeded as if service times were exponential around the norm until history says otherwise.</summary>
    private (double Mean, double MeanSquare, int Count) Service(string serviceId, double normMinutes) =>
        services.TryGetValue(serviceId, out var s) ? s : (normMinutes, 2 * normMinutes * normMinutes, 0);

    /// <summary>A running average while history is short, then an exponential memory.</summary>
    private static double WeightAfter(int observations) => Math.Max(Weight, 1 / (observations + NormObservations));
}
