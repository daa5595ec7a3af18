using Queue.Silo.Supervision;
using Queue.Silo.Views;
using Queue.Tests.Engine;

namespace Queue.Tests.Manage;

/// <summary>
/// The terminal, the console and the alerts call "callable" only what call-next can give (the engine's MayCall):
/// not a phone ticket before check-in, not a ticket sent to another window. Waits count from check-in.
/// </summary>
public sealed class CallableTicketsTests
{
    [Fact]
    public void PhoneTicketNotCheckedInIsNoWorkForAnIdleWindowAndItsWaitStartsAtCheckIn()
    {
        var hall = new TestHall();
        hall.Run((s, c) => s.CloseWindow("w3", c)); // 社保 is left to window 1
        var phone = hall.Run((s, c) => s.IssueRemoteTicket(TestHall.Social, "device", "hash", c));

        hall.Now = hall.Now.AddMinutes(20); // past the 15-minute target, still on the way
        var (alerts, overview, desk) = Look(hall);
        Assert.DoesNotContain(alerts, a => a.Kind is AlertKind.IdleWindow or AlertKind.LongWait or AlertKind.ClosedWithQueue);
        Assert.False(overview.Windows.Single(w => w.Id == "w1").IdleWithWork);
        Assert.Equal(0, overview.IdleWithWork);
        Assert.Equal(0, overview.Services.Single(s => s.Id == TestHall.Social).OldestWaitMinutes);
        Assert.Empty(desk.Waiting);
        Assert.Equal(phone.Id, Assert.Single(desk.NotArrived).Id);

        hall.Run((s, c) => s.Arrive(phone.Id, c));
        hall.Now = hall.Now.AddMinutes(3);
        (alerts, overview, desk) = Look(hall);
        var idle = Assert.Single(alerts, a => a.Kind == AlertKind.IdleWindow);
        Assert.Equal(1, idle.WindowNumber);
        Assert.Equal(AlertLevel.Yellow, idle.Level); // 3 minutes since check-in, not 23 since issue
        Assert.DoesNotContain(alerts, a => a.Kind == AlertKind.LongWait);
        Assert.Equal(3, overview.Services.Single(s => s.Id == TestHall.Social).OldestWaitMinutes);
        Assert.True(overview.Windows.Single(w => w.Id == "w1").IdleWithWork);
        Assert.Equal(phone.Id, Assert.Single(desk.Waiting).Id);
        Assert.Empty(desk.NotArrived);
    }

    [Fact]
    public void TicketSentToAnotherWindowIsWorkOnlyForThatWindow()
    {
        var hall = new TestHall();
        var ticket = hall.Issue(TestHall.Social);
        hall.CallNext("w1");
        hall.Run((s, c) => s.Transfer("w1", TestHall.Social, "w3", c));

        hall.Now = hall.Now.AddMinutes(3);
        var (alerts, overview, desk) = Look(hall, "w1");
        Assert.Equal(3, Assert.Single(alerts, a => a.Kind == AlertKind.IdleWindow).WindowNumber);
        Assert.False(overview.Windows.Single(w => w.Id == "w1").IdleWithWork);
        Assert.True(overview.Windows.Single(w => w.Id == "w3").IdleWithWork);
        Assert.Empty(desk.Waiting);
        Assert.Equal(ticket.Id, Assert.Single(WindowDesk.Of(HallSnapshot.Of(hall.State, hall.Now), "w3").Waiting).Id);
    }

    [Fact]
    public void MeanWaitRunsFromCheckInToTheFirstCallAndARecallNeitherStretchesNorDropsIt()
    {
        var hall = new TestHall();
        hall.Run((s, c) => s.CloseWindow("w3", c)); // 税务 is left to window 2
        var phone = hall.Run((s, c) => s.IssueRemoteTicket(TestHall.Tax, "device", "hash", c));
        hall.Now = hall.Now.AddMinutes(20);
        hall.Run((s, c) => s.Arrive(phone.Id, c));
        hall.Now = hall.Now.AddMinutes(1);
        Assert.Equal(phone.Id, hall.CallNext("w2")!.Id); // 1 minute after check-in (21 after issue)
        var walkIn = hall.Issue(TestHall.Tax);
        hall.Run((s, c) => s.Start("w2", c));
        hall.Now = hall.Now.AddMinutes(3);
        hall.Run((s, c) => s.Complete("w2", Queue.Silo.Tickets.TicketOutcome.Done, null, c));
        Assert.Equal(walkIn.Id, hall.CallNext("w2")!.Id);
        hall.Now = hall.Now.AddMinutes(4);
        hall.Run((s, c) => s.Recall("w2", c)); // its CalledAt moves 4 minutes on; its first call stays

        var (_, overview, _) = Look(hall);
        Assert.Equal(2, overview.Services.Single(s => s.Id == TestHall.Tax).MeanWaitTodayMinutes); // (1 + 3) ÷ 2, not (1 + 7) ÷ 2
    }

    private static (IReadOnlyList<HallAlert> Alerts, HallOverview Overview, WindowDesk Desk) Look(TestHall hall, string window = "w1")
    {
        var snapshot = HallSnapshot.Of(hall.State, hall.Now);
        return (SupervisionRules.Evaluate(snapshot, hall.Now), HallOverview.Of(snapshot, hall.Now), WindowDesk.Of(snapshot, window));
    }
}
