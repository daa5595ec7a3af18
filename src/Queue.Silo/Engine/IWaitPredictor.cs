using Queue.Silo.Tickets;

namespace Queue.Silo.Engine;

/// <summary>Estimates waits from the live hall and learns service times from what it observes.</summary>
public interface IWaitPredictor
{
    /// <summary>Learn from a finished service (called once per completed ticket, in order).</summary>
    void Observe(HallState hall, Ticket finished);

    /// <summary>Minutes until each waiting ticket is called, keyed by ticket id; a ticket no open or serving window may call has none.</summary>
    IReadOnlyDictionary<Guid, double> EstimateWaiting(HallState hall, DateTimeOffset now);

    /// <summary>Minutes a ticket for <paramref name="serviceId"/> taken now would wait; null while no open or serving window may call it.</summary>
    double? EstimateNew(HallState hall, string serviceId, DateTimeOffset now);

    /// <summary>Whether the last estimates handed out reused an earlier computation; the writer then refreshes them once the hall is quiet.</summary>
    bool HasStaleEstimates => false;
}
