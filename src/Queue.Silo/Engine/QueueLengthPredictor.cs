using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Engine;

/// <summary>
/// Estimates a wait as the people ahead divided by the windows able to serve them, times the service's
/// mean handling time. The mean starts at the service norm and follows observed services
/// (exponentially weighted), so estimates track the hall's real pace.
/// </summary>
public sealed class QueueLengthPredictor : IWaitPredictor
{
    private const double Weight = 0.1;
    private readonly Dictionary<string, double> meanMinutes = [];

    public double MeanMinutes(HallState hall, string serviceId) =>
        meanMinutes.TryGetValue(serviceId, out var m) ? m : hall.FindService(serviceId)?.NormMinutes ?? 5;

    public void Observe(HallState hall, Ticket finished)
    {
        if (finished.StartedAt is not { } start || finished.FinishedAt is not { } end) return;
        var minutes = (end - start).TotalMinutes;
        meanMinutes[finished.ServiceId] = (1 - Weight) * MeanMinutes(hall, finished.ServiceId) + Weight * minutes;
    }

    public IReadOnlyDictionary<Guid, double> EstimateWaiting(HallState hall, DateTimeOffset now)
    {
        var result = new Dictionary<Guid, double>();
        foreach (var group in hall.WaitingTickets.GroupBy(t => t.ServiceId))
        {
            var ahead = 0;
            foreach (var t in group.OrderBy(t => t.Priority == TicketPriority.Normal).ThenBy(t => t.QueuedAt))
                result[t.Id] = Minutes(hall, group.Key, ahead++);
        }
        return result;
    }

    public double EstimateNew(HallState hall, string serviceId, DateTimeOffset now) =>
        Minutes(hall, serviceId, hall.WaitingTickets.Count(t => t.ServiceId == serviceId));

    private double Minutes(HallState hall, string serviceId, int ahead)
    {
        var able = hall.Windows.Where(w => w.Serves(serviceId) && w.State != WindowState.Closed).ToList();
        if (able.Count == 0) able = hall.Windows.Where(w => w.Serves(serviceId)).ToList();
        var idle = able.Count(w => w.State == WindowState.Open);
        var inLine = Math.Max(0, ahead + 1 - idle);
        return inLine * MeanMinutes(hall, serviceId) / Math.Max(1, able.Count);
    }
}
