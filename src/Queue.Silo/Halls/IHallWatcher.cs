using Queue.Silo.Views;

namespace Queue.Silo.Halls;

/// <summary>A silo's read replicas, told of every commit of the halls it watches.</summary>
public interface IHallWatcher : IGrainObserver
{
    [OneWay]
    Task Updated(HallDelta delta);
}
