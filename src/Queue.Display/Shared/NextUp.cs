using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.Display.Shared;

/// <summary>
/// Who the wall asks to get ready (请 X 号准备): the ticket each working window would call next, by the same list the
/// terminal shows (<see cref="WindowDesk"/>), so the wall never names someone call-next would pass over. In window order: which window calls first is not known.
/// </summary>
public static class NextUp
{
    public const int Shown = 3;

    public static IReadOnlyList<string> Of(HallSnapshot snapshot) =>
        snapshot.Detail.Windows
            .Where(w => w.Attended) // nobody calls at the others
            .Select(w => WindowDesk.Of(snapshot, w.Id).Waiting.FirstOrDefault())
            .OfType<TicketView>()
            .DistinctBy(t => t.Id) // windows sharing a service share its head
            .Take(Shown)
            .Select(t => t.Number)
            .ToList();
}
