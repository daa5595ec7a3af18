using Queue.Silo.Dispatch;
using Queue.Silo.Engine;
using Queue.Silo.Prediction;
using Queue.Silo.Views;
using Queue.Tests.Dispatch;

namespace Queue.Tests.Prediction;

/// <summary>The hall's wait predictor on the real hall state.</summary>
public sealed class WaitPredictionTests
{
    [Fact]
    public void EstimatesFollowTheLineAnIdleWindowWillServe()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [10], [["S1"]]);
        var tickets = new[] { hall.Issue("S1"), hall.Issue("S1"), hall.Issue("S1") };

        var estimates = hall.State.Predictor.EstimateWaiting(hall.State, hall.Now);

        Assert.Equal([0, 10, 20], tickets.Select(t => Math.Round(estimates[t.Id], 3)));
        Assert.Equal(30, Math.Round(hall.State.Predictor.EstimateNew(hall.State, "S1", hall.Now) ?? double.NaN, 3));
    }

    [Fact]
    public void OtherServicesAheadForTheSameWindowCountInTheEstimate()
    {
        // One window serves both services: the S1 ticket waits for the two older S2 tickets too.
        var hall = SmallHall.Create(new EngineDispatch(), [10, 10], [["S1", "S2"]]);
        hall.Issue("S2");
        hall.Issue("S2");
        hall.Advance(1);
        var mine = hall.Issue("S1");

        Assert.Equal(20, Math.Round(hall.State.Predictor.EstimateWaiting(hall.State, hall.Now)[mine.Id], 3));
    }

    [Fact]
    public void ServiceTimesAreLearnedFromHistoryAndReplaceTheNorm()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [10], [["S1"]]);
        for (var i = 0; i < 80; i++)
        {
            hall.Issue("S1");
            hall.Serve("W1");
            hall.Advance(4);
            hall.Complete("W1");
        }
        hall.Issue("S1");
        var mine = hall.Issue("S1");

        // The window is idle, so the first ticket goes now and the second after one learned 4-minute service.
        Assert.InRange(hall.State.Predictor.EstimateWaiting(hall.State, hall.Now)[mine.Id], 3.8, 4.4);
    }

    [Fact]
    public void AWindowsProgressOnAFixedLengthServiceShortensTheWait()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [10], [["S1"]]);
        for (var i = 0; i < 80; i++)
        {
            hall.Issue("S1");
            hall.Serve("W1");
            hall.Advance(10);
            hall.Complete("W1");
        }
        hall.Issue("S1");
        hall.Serve("W1");
        var mine = hall.Issue("S1");
        var atStart = hall.State.Predictor.EstimateWaiting(hall.State, hall.Now)[mine.Id];
        hall.Advance(7);
        var later = hall.State.Predictor.EstimateWaiting(hall.State, hall.Now)[mine.Id];

        Assert.InRange(atStart, 9.5, 10.5);
        Assert.InRange(later, 2.5, 4);
    }

    [Fact]
    public void EverySnapshotCarriesFreshEstimatesForEveryWaitingTicket()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [10], [["S1"]]);
        hall.Issue("S1");
        var second = hall.Issue("S1");
        var third = hall.Issue("S1");
        var before = HallSnapshot.Of(hall.State, hall.Now);
        hall.Serve("W1");
        hall.Advance(10);
        hall.Complete("W1");
        var after = HallSnapshot.Of(hall.State, hall.Now);

        Assert.Equal(10, before.Tickets[second.Id].EstimatedWaitMinutes);
        Assert.Equal(20, before.Tickets[third.Id].EstimatedWaitMinutes);
        Assert.Equal(0, after.Tickets[second.Id].EstimatedWaitMinutes);
        Assert.Equal(10, after.Tickets[third.Id].EstimatedWaitMinutes);
    }

    [Fact]
    public void AHallReloadedFromStorageLearnsFromTodaysFinishedTickets()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [10], [["S1"]]);
        for (var i = 0; i < 60; i++)
        {
            hall.Issue("S1");
            hall.Serve("W1");
            hall.Advance(3);
            hall.Complete("W1");
        }
        // A fresh predictor, as after a restart: it must not fall back to the 10-minute norm.
        var reloaded = new HallState(hall.State.Hall, hall.State.Services, hall.State.Windows, hall.State.Tickets, [], new EngineDispatch(), new ForwardRunPredictor());
        Assert.InRange(reloaded.Predictor.EstimateNew(reloaded, "S1", hall.Now.AddMinutes(1)) ?? double.NaN, 0, 0.01);
        var busy = new SmallHallView(reloaded, hall.Now);
        busy.Issue("S1");
        busy.Issue("S1");
        Assert.InRange(reloaded.Predictor.EstimateNew(reloaded, "S1", hall.Now) ?? double.NaN, 5.5, 7.5);
    }

    [Fact]
    public void AShortLineIsReplayedForEveryTicketOfABurst()
    {
        // As configured in the host: reuse only from 100 waiting. Two idle windows, four tickets in 100 ms.
        var predictor = new ForwardRunPredictor(TimeSpan.FromMilliseconds(500), reuseFrom: 100);
        var hall = SmallHall.Create(new EngineDispatch(), [7], [["S1"], ["S1"]], predictor);
        hall.Issue("S1");
        predictor.EstimateWaiting(hall.State, hall.Now);
        Assert.Equal(0, predictor.EstimateNew(hall.State, "S1", hall.Now)); // the second ticket would be called at once

        for (var i = 0; i < 3; i++) hall.Issue("S1");
        var fifth = hall.Issue("S1");
        var estimates = predictor.EstimateWaiting(hall.State, hall.Now.AddMilliseconds(100));

        // Reused, the fifth would get that 0 and its phone would page "near" with four ahead.
        Assert.False(predictor.HasStaleEstimates);
        Assert.Equal(14, Math.Round(estimates[fifth.Id], 3));
        Assert.Equal(14, Math.Round(predictor.EstimateNew(hall.State, "S1", hall.Now.AddMilliseconds(100)) ?? double.NaN, 3));
    }

    [Fact]
    public void InAFloodEstimatesAreReusedBrieflyAndMarkedStaleUntilTheNextFullReplay()
    {
        var predictor = new ForwardRunPredictor(TimeSpan.FromMilliseconds(500));
        var hall = SmallHall.Create(new EngineDispatch(), [10], [["S1"]], predictor);
        var first = hall.Issue("S1");
        hall.Issue("S1");
        var full = predictor.EstimateWaiting(hall.State, hall.Now);
        Assert.False(predictor.HasStaleEstimates);

        // Within 100 ms two more tickets arrive: the last replay is reused, and both newcomers get the
        // new-ticket estimate of that replay, which is exact for the first of them only.
        var newTicket = predictor.EstimateNew(hall.State, "S1", hall.Now);
        hall.Issue("S1");
        var late = hall.Issue("S1");
        var reused = predictor.EstimateWaiting(hall.State, hall.Now.AddMilliseconds(100));
        Assert.True(predictor.HasStaleEstimates);
        Assert.Equal(full[first.Id], reused[first.Id]);
        Assert.Equal(newTicket, reused[late.Id]);

        // Past the reuse window a full replay runs again and counts the newcomer's place exactly.
        var fresh = predictor.EstimateWaiting(hall.State, hall.Now.AddMilliseconds(600));
        Assert.False(predictor.HasStaleEstimates);
        Assert.True(fresh[late.Id] > reused[late.Id], $"fresh {fresh[late.Id]} should count the ticket issued ahead since the reuse");
    }

    [Fact]
    public void ALineNoOpenWindowServesHasNoEstimateUntilAWindowOpens()
    {
        // W1 serves S1 only, W2 serves S2 only. With W2 closed nobody can say when S2 is called: no number,
        // where the predictor used to assume "one window at the service's pace" (S2 first in line: 10 min).
        var hall = SmallHall.Create(new EngineDispatch(), [5, 10], [["S1"], ["S2"]]);
        hall.State.CloseWindow("W2", hall.Changes());
        var s1 = hall.Issue("S1");
        var s2 = hall.Issue("S2");

        var closed = HallSnapshot.Of(hall.State, hall.Now);
        Assert.Equal(0, closed.Tickets[s1.Id].EstimatedWaitMinutes);
        Assert.Null(closed.Tickets[s2.Id].EstimatedWaitMinutes);
        var line = closed.Board.Waiting.Single(q => q.ServiceId == "S2");
        Assert.Equal((1, 0, 0, (int?)null), (line.Count, line.OpenWindows, line.PausedWindows, line.EstimatedWaitMinutes));
        Assert.Equal(1, closed.Board.Waiting.Single(q => q.ServiceId == "S1").OpenWindows);
        Assert.Equal((1, (int?)5), (closed.Summary.OpenWindows, closed.Summary.EstimatedWaitMinutes));

        // Opened by a manager for someone who has not come yet: nobody calls there, so still no estimate (issue 17).
        hall.State.OpenWindow("W2", null, hall.Changes());
        var unattended = HallSnapshot.Of(hall.State, hall.Now);
        Assert.Null(unattended.Tickets[s2.Id].EstimatedWaitMinutes);
        Assert.Equal((0, (int?)null), (unattended.Board.Waiting.Single(q => q.ServiceId == "S2").OpenWindows, unattended.Board.Waiting.Single(q => q.ServiceId == "S2").EstimatedWaitMinutes));
        Assert.Equal(1, unattended.Summary.OpenWindows);

        // Its staff member takes it, then goes on a break: paused is told apart from closed (the window comes back),
        // but it calls nobody either.
        hall.State.OpenWindow("W2", "staff-2", hall.Changes());
        hall.State.PauseWindow("W2", hall.Changes());
        var paused = HallSnapshot.Of(hall.State, hall.Now);
        Assert.Null(paused.Tickets[s2.Id].EstimatedWaitMinutes);
        Assert.Equal((0, 1), (paused.Board.Waiting.Single(q => q.ServiceId == "S2").OpenWindows, paused.Board.Waiting.Single(q => q.ServiceId == "S2").PausedWindows));

        hall.State.ResumeWindow("W2", hall.Changes());
        var open = HallSnapshot.Of(hall.State, hall.Now);
        Assert.Equal(0, open.Tickets[s2.Id].EstimatedWaitMinutes);
        Assert.Equal(10, open.Board.Waiting.Single(q => q.ServiceId == "S2").EstimatedWaitMinutes);

        // A hall with every window closed has no wait to show either.
        hall.State.CloseWindow("W1", hall.Changes());
        hall.State.CloseWindow("W2", hall.Changes());
        var shut = HallSnapshot.Of(hall.State, hall.Now);
        Assert.Equal((0, (int?)null), (shut.Summary.OpenWindows, shut.Summary.EstimatedWaitMinutes));
    }

    [Fact]
    public void PhoneTicketsNotYetCheckedInDelayNobody()
    {
        // Two idle windows, six phone tickets whose holders are not in the hall: windows pass them over, so a
        // kiosk ticket taken now is called at once — and an idle line of another service is not held up either.
        var hall = SmallHall.Create(new EngineDispatch(), [6, 6], [["S1", "S2"], ["S1", "S2"]]);
        var away = Enumerable.Range(0, 6).Select(_ => hall.State.IssueTicket("S1", Silo.Tickets.TicketChannel.Mobile, Silo.Tickets.TicketPriority.Normal, "", hall.Changes())).ToList();
        var here = hall.Issue("S1");

        var snapshot = HallSnapshot.Of(hall.State, hall.Now);
        var mine = snapshot.Tickets[here.Id];
        Assert.Equal((7, 0, 0), (mine.Position, mine.PeopleAhead, mine.EstimatedWaitMinutes));
        Assert.Equal(0, snapshot.Board.Waiting.Single(q => q.ServiceId == "S2").EstimatedWaitMinutes);
        // Each absent holder is told when the turn comes if they are there: now, with windows free.
        Assert.All(away, t => Assert.Equal(0, snapshot.Tickets[t.Id].EstimatedWaitMinutes));
        Assert.Equal(here.Id, hall.CallNext("W1")!.Id);

        // Once one checks in it is next, ahead of a later kiosk ticket, which now waits for window 1 (6 min).
        hall.State.Arrive(away[0].Id, hall.Changes());
        var later = hall.Issue("S1");
        var after = HallSnapshot.Of(hall.State, hall.Now);
        Assert.Equal((7, 1, 6), (after.Tickets[later.Id].Position, after.Tickets[later.Id].PeopleAhead, after.Tickets[later.Id].EstimatedWaitMinutes));
        Assert.Equal(away[0].Id, hall.CallNext("W2")!.Id);
    }

    [Fact]
    public void TheQueueLengthBaselineGivesNoEstimateWithoutAnOpenWindowEither()
    {
        var baseline = new PlainQueuePredictor();
        var hall = SmallHall.Create(new EngineDispatch(), [5, 10], [["S1"], ["S2"]], baseline);
        hall.State.CloseWindow("W2", hall.Changes());
        var s1 = hall.Issue("S1");
        var s2 = hall.Issue("S2");

        var estimates = baseline.EstimateWaiting(hall.State, hall.Now);
        Assert.Equal(0, estimates[s1.Id]);
        Assert.False(estimates.ContainsKey(s2.Id));
        Assert.Null(baseline.EstimateNew(hall.State, "S2", hall.Now));
        hall.State.OpenWindow("W2", null, hall.Changes());
        Assert.False(baseline.EstimateWaiting(hall.State, hall.Now).ContainsKey(s2.Id)); // opened for someone not there yet
        hall.State.OpenWindow("W2", "staff-2", hall.Changes());
        Assert.Equal(0, baseline.EstimateWaiting(hall.State, hall.Now)[s2.Id]);
    }

    [Fact]
    public void InAFloodATicketIssuedToALineNoWindowServesGetsNoEstimateEither()
    {
        // Reuse from the first ticket, replays in the background from two waiting: the paths a busy hall takes.
        var predictor = new ForwardRunPredictor(TimeSpan.FromMilliseconds(500), backgroundFrom: 2);
        var hall = SmallHall.Create(new EngineDispatch(), [5, 10], [["S1"], ["S2"]], predictor);
        hall.State.CloseWindow("W2", hall.Changes());
        hall.Issue("S1");
        hall.Issue("S2");
        predictor.EstimateWaiting(hall.State, hall.Now);
        Assert.Null(predictor.EstimateNew(hall.State, "S2", hall.Now));
        Assert.Equal(5, predictor.EstimateNew(hall.State, "S1", hall.Now));

        // Issued within the reuse window: the S1 tickets get S1's new-ticket estimate, the S2 ticket none.
        var lateS2 = hall.Issue("S2");
        hall.Issue("S1");
        var thirdS1 = hall.Issue("S1");
        var reused = predictor.EstimateWaiting(hall.State, hall.Now.AddMilliseconds(100));
        Assert.True(predictor.HasStaleEstimates);
        Assert.False(reused.ContainsKey(lateS2.Id));
        Assert.Equal(5, reused[thirdS1.Id]);

        // Past it a background replay starts; once it is taken up the third S1 ticket has its own place (10 min)
        // and S2 still has no number, for its tickets or a new one.
        var at = hall.Now.AddMilliseconds(700);
        predictor.EstimateWaiting(hall.State, at);
        var adopted = reused;
        for (var i = 0; i < 300 && adopted[thirdS1.Id] != 10; i++)
        {
            Thread.Sleep(10);
            adopted = predictor.EstimateWaiting(hall.State, at.AddMilliseconds(1 + i % 100));
        }
        Assert.Equal(10, adopted[thirdS1.Id]);
        Assert.False(adopted.ContainsKey(lateS2.Id));
        Assert.Null(predictor.EstimateNew(hall.State, "S2", at.AddMilliseconds(200)));
    }

    /// <summary>Issues tickets straight on a state built outside <see cref="SmallHall"/>.</summary>
    private sealed class SmallHallView(HallState state, DateTimeOffset now)
    {
        public void Issue(string serviceId) => state.IssueTicket(serviceId, Silo.Tickets.TicketChannel.Kiosk, Silo.Tickets.TicketPriority.Normal, "", new HallChanges(state, now));
    }
}
