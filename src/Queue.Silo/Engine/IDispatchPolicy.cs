using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Engine;

/// <summary>Chooses which waiting ticket a free window calls next (科学派号).</summary>
public interface IDispatchPolicy
{
    /// <summary>The ticket <paramref name="window"/> should call now, or null when none it may serve waits.</summary>
    Ticket? PickNext(HallState hall, HallWindow window, DateTimeOffset now);
}
