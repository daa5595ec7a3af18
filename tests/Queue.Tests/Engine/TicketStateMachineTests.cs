using Queue.Silo.Engine;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Tests.Engine;

/// <summary>Every ticket and window transition, legal and illegal. A refused command changes nothing.</summary>
public sealed class TicketStateMachineTests
{
    private static HallException Refused(TestHall hall, Action<HallState, HallChanges> command)
    {
        var events = hall.State.Hall.Seq;
        var changes = new HallChanges(hall.State, hall.Now);
        var e = Assert.Throws<HallException>(() => command(hall.State, changes));
        Assert.True(changes.IsEmpty, "a refused command must not record changes");
        Assert.Equal(events, hall.State.Hall.Seq);
        return e;
    }

    [Fact]
    public void TicketGoesThroughItsWholeLife()
    {
        var hall = new TestHall();
        var t = hall.Issue();
        Assert.Equal(TicketStatus.Waiting, t.Status);
        Assert.Same(t, hall.CallNext("w1"));
        Assert.Equal(TicketStatus.Called, t.Status);
        Assert.Equal(WindowState.Serving, hall.State.GetWindow("w1").State);
        hall.Run((s, c) => s.Recall("w1", c));
        Assert.Equal(1, t.RecallCount);
        hall.Run((s, c) => s.Start("w1", c));
        Assert.Equal(TicketStatus.Serving, t.Status);
        hall.Run((s, c) => s.Complete("w1", TicketOutcome.Promised, "3个工作日内办结", c));
        Assert.Equal(TicketStatus.Done, t.Status);
        Assert.Equal(TicketOutcome.Promised, t.Outcome);
        Assert.Equal(WindowState.Open, hall.State.GetWindow("w1").State);
        Assert.Null(hall.State.GetWindow("w1").CurrentTicketId);
    }

    [Fact]
    public void IllegalTicketTransitionsAreRefusedAndChangeNothing()
    {
        var hall = new TestHall();
        var waiting = hall.Issue();
        // Nothing called yet: every command on the window's current ticket is refused.
        foreach (var command in WindowTicketCommands())
            Assert.Equal(RefusalKind.Conflict, Refused(hall, command).Kind);

        hall.CallNext("w1");
        Assert.Equal("ticket.wrongState", Refused(hall, (s, c) => s.Complete("w1", TicketOutcome.Done, null, c)).Code);
        Assert.Equal("ticket.wrongState", Refused(hall, (s, c) => s.Cancel(waiting.Id, "holder", c)).Code);
        Assert.Equal("window.busy", Refused(hall, (s, c) => s.CallNext("w1", c)).Code);
        Assert.Equal("window.cannotPause", Refused(hall, (s, c) => s.PauseWindow("w1", c)).Code);
        Assert.Equal("window.cannotClose", Refused(hall, (s, c) => s.CloseWindow("w1", c)).Code);

        hall.Run((s, c) => s.Start("w1", c));
        Assert.Equal("ticket.wrongState", Refused(hall, (s, c) => s.Start("w1", c)).Code);
        Assert.Equal("ticket.wrongState", Refused(hall, (s, c) => s.Recall("w1", c)).Code);
        Assert.Equal("ticket.wrongState", Refused(hall, (s, c) => s.NoShow("w1", c)).Code);

        hall.Run((s, c) => s.Complete("w1", TicketOutcome.Done, null, c));
        // A finished ticket can be neither cancelled nor completed again.
        Assert.Equal("ticket.wrongState", Refused(hall, (s, c) => s.Cancel(waiting.Id, "holder", c)).Code);
        foreach (var command in WindowTicketCommands())
            Assert.Equal("window.noTicket", Refused(hall, command).Code);
    }

    [Fact]
    public void NoShowAndCancelEndTheTicket()
    {
        var hall = new TestHall();
        var first = hall.Issue();
        var second = hall.Issue();
        hall.CallNext("w1");
        hall.Run((s, c) => s.NoShow("w1", c));
        Assert.Equal(TicketStatus.NoShow, first.Status);
        hall.Run((s, c) => s.Cancel(second.Id, "holder", c));
        Assert.Equal(TicketStatus.Cancelled, second.Status);
        Assert.Null(hall.CallNext("w1"));
        Assert.Empty(hall.State.WaitingTickets);
    }

    [Fact]
    public void RecallIsLimitedByTheHallSetting()
    {
        var hall = new TestHall();
        hall.Issue();
        hall.CallNext("w1");
        for (var i = 0; i < hall.State.Hall.Settings.MaxRecalls; i++) hall.Run((s, c) => s.Recall("w1", c));
        Assert.Equal("ticket.recallLimit", Refused(hall, (s, c) => s.Recall("w1", c)).Code);
    }

    [Fact]
    public void WindowStatesFollowTheirRules()
    {
        var hall = new TestHall();
        Assert.Equal("window.cannotOpen", Refused(hall, (s, c) => s.OpenWindow("w2", null, c)).Code);
        Assert.Equal("window.cannotResume", Refused(hall, (s, c) => s.ResumeWindow("w2", c)).Code);
        hall.Run((s, c) => s.PauseWindow("w2", c));
        hall.Issue(TestHall.Tax);
        Assert.Equal("window.notOpen", Refused(hall, (s, c) => s.CallNext("w2", c)).Code);
        hall.Run((s, c) => s.CloseWindow("w2", c));
        Assert.Equal("window.cannotClose", Refused(hall, (s, c) => s.CloseWindow("w2", c)).Code);
        Assert.Equal("window.cannotPause", Refused(hall, (s, c) => s.PauseWindow("w2", c)).Code);
        hall.Run((s, c) => s.OpenWindow("w2", "staff02", c));
        Assert.NotNull(hall.CallNext("w2"));
    }

    [Fact]
    public void UnknownIdsAreNotFound()
    {
        var hall = new TestHall();
        Assert.Equal(RefusalKind.NotFound, Refused(hall, (s, c) => s.IssueTicket("nope", TicketChannel.Kiosk, TicketPriority.Normal, "h", c)).Kind);
        Assert.Equal(RefusalKind.NotFound, Refused(hall, (s, c) => s.CallNext("nope", c)).Kind);
        Assert.Equal(RefusalKind.NotFound, Refused(hall, (s, c) => s.Cancel(Guid.NewGuid(), "holder", c)).Kind);
        Assert.Equal(RefusalKind.Invalid, Refused(hall, (s, c) => s.SetWindowServices("w1", ["nope"], c)).Kind);
    }

    private static IEnumerable<Action<HallState, HallChanges>> WindowTicketCommands() =>
    [
        (s, c) => s.Recall("w1", c),
        (s, c) => s.Start("w1", c),
        (s, c) => s.Complete("w1", TicketOutcome.Done, null, c),
        (s, c) => s.NoShow("w1", c),
        (s, c) => s.Transfer("w1", TestHall.Tax, null, c),
    ];
}
