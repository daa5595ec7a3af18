using Queue.Silo.Engine;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Prediction;

/// <summary>
/// The textbook estimate the hall's predictor is measured against: (n + 1) ÷ (c · μ), where n is the
/// tickets ahead in line (priority first, then by queue time) that the same windows serve, c the calling
/// windows able to serve the ticket, and 1/μ the hall's learned mean service time. It ignores progress,
/// skills overlap and dispatch; the simulator runs it with <c>--predictor queue-length</c>.
/// </summary>
public sealed class PlainQueuePredictor : IWaitPredictor
{
    private const double Weight = 0.05;
    private double? meanMinutes;

    public void Observe(HallState hall, Ticket finished)
    {
        if (finished.StartedAt is not { } start || finished.FinishedAt is not { } end) return;
        meanMinutes = (1 - Weight) * Mean(hall) + Weight * (end - start).TotalMinutes;
    }

    public IReadOnlyDictionary<Guid, double> EstimateWaiting(HallState hall, DateTimeOffset now)
    {
        var result = new Dictionary<Guid, double>();
        var aheadByService = new Dictionary<string, int>();
        foreach (var t in hall.WaitingTickets.OrderBy(t => t.Priority == TicketPriority.Normal).ThenBy(t => t.QueuedAt).ThenBy(t => t.Number, StringComparer.Ordinal))
        {
            var ahead = Shared(hall, t.ServiceId).Sum(s => aheadByService.GetValueOrDefault(s));
            if (Minutes(hall, t.ServiceId, ahead) is { } minutes) result[t.Id] = minutes;
            aheadByService[t.ServiceId] = aheadByService.GetValueOrDefault(t.ServiceId) + 1;
        }
        return result;
    }

    public double? EstimateNew(HallState hall, string serviceId, DateTimeOffset now)
    {
        var shared = Shared(hall, serviceId).ToHashSet();
        return Minutes(hall, serviceId, hall.WaitingTickets.Count(t => shared.Contains(t.ServiceId)));
    }

    private double Mean(HallState hall) => meanMinutes ?? (hall.Services.Count == 0 ? 5 : hall.Services.Average(s => s.NormMinutes));

    /// <summary>The services that compete for the windows able to serve <paramref name="serviceId"/>.</summary>
    private static IEnumerable<string> Shared(HallState hall, string serviceId) =>
        hall.Windows.Where(w => w.Serves(serviceId)).SelectMany(w => w.ServiceIds).Distinct();

    private double? Minutes(HallState hall, string serviceId, int ahead)
    {
        var windows = hall.Windows.Where(w => w.Serves(serviceId) && w.Attended).ToList();
        if (windows.Count == 0) return null;
        var idle = windows.Count(w => w.State == WindowState.Open);
        if (ahead < idle) return 0;
        return (ahead + 1) * Mean(hall) / windows.Count;
    }
}
