using Queue.Silo.Dispatch;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Tests.Dispatch;

/// <summary>The staff terminal lists a window's waiting tickets in the order its call-next button gives them.</summary>
public sealed class TerminalOrderTests
{
    [Fact]
    public void PriorityIsAHeadStartOnTheTerminalAsInTheDispatchNotARank()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [5, 5], [["S1", "S2"], ["S1"]]);
        var early = hall.Issue("S1");
        hall.Advance(40);
        var green = hall.Issue("S1", TicketPriority.Green);    // 60-minute head start: ahead of the 40-minute wait
        var other = hall.Issue("S2");
        hall.Advance(50);
        var booking = hall.Issue("S1", TicketPriority.Booking); // 30-minute head start: behind the 90-minute wait
        hall.Advance(1);
        var walkIn = hall.Issue("S1");

        var listed = WindowDesk.Of(HallSnapshot.Of(hall.State, hall.Now), "W2").Waiting.Select(t => t.Number).ToList();
        Assert.Equal(new[] { green, early, booking, walkIn }.Select(t => t.Number), listed);

        var called = new List<string>();
        while (hall.CallNext("W2") is { } next)
        {
            called.Add(next.Number);
            hall.State.Start("W2", hall.Changes());
            hall.Complete("W2");
        }
        Assert.Equal(listed, called);
        Assert.Equal(other.Number, Assert.Single(WindowDesk.Of(HallSnapshot.Of(hall.State, hall.Now), "W1").Waiting).Number);
    }
}
