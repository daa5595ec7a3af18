using Queue.Silo.Dispatch;
using Queue.Silo.Engine;
using Queue.Silo.Prediction;
using Queue.Silo.Simulation;
using Queue.Silo.Tickets;

namespace Queue.Tests.Dispatch;

/// <summary>The engine's dispatch rules on the real hall state: priorities, balancing, bounded overtaking.</summary>
public sealed class EngineDispatchTests
{
    [Fact]
    public void GreenChannelTicketGoesAheadOfOrdinaryTicketsThatHaveNotWaitedLong()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [5], [["S1"]]);
        hall.Issue("S1");
        hall.Advance(1);
        hall.Issue("S1");
        hall.Advance(20);
        var green = hall.Issue("S1", TicketPriority.Green);
        var booking = hall.Issue("S1", TicketPriority.Booking);

        Assert.Equal(green.Id, hall.Serve("W1").Id);
        hall.Complete("W1");
        Assert.Equal(booking.Id, hall.Serve("W1").Id);
    }

    [Fact]
    public void PriorityNeverOvertakesATicketThatHasWaitedLongerThanItsHeadStart()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [5], [["S1"]]);
        var early = hall.Issue("S1");
        hall.Advance(PriorityHeadStart.GreenMinutes + 5);
        hall.Issue("S1", TicketPriority.Green);

        Assert.Equal(early.Id, hall.Serve("W1").Id);
    }

    [Fact]
    public void WindowHelpsTheLineNoOtherWindowCanHelpBeforeAnOlderSharedLine()
    {
        // W1 serves S1 and S2; W2 and W3 serve only S2 and are busy. S2's head is a minute older, so the
        // baseline calls it; the engine leaves S2 to W2/W3 and takes S1, which only W1 can serve.
        string[][] windows = [["S1", "S2"], ["S2"], ["S2"]];
        foreach (var (policy, expected) in new (IDispatchPolicy, string)[] { (new OldestFirstDispatch(), "S2"), (new EngineDispatch(), "S1") })
        {
            var hall = SmallHall.Create(policy, [5, 5], windows);
            hall.Issue("S2");
            hall.Issue("S2");
            hall.Serve("W2");
            hall.Serve("W3");
            hall.Issue("S2");
            hall.Issue("S2");
            hall.Advance(1);
            hall.Issue("S1");
            hall.Issue("S1");
            hall.Advance(1);

            Assert.Equal(expected, hall.Serve("W1").ServiceId);
        }
    }

    [Fact]
    public void GeneralistWindowTakesTheShorterServiceFirstButOnlyWithinItsBoundedHeadStart()
    {
        // W1 serves S1 (4 min) and S2 (12 min); W2 and W3 are specialists and busy. S2's head waited 5 min
        // longer, so the baseline calls it; the engine's generalist takes the short S1 (head start
        // 3 × (12 − 4) = 24 min) — but not once S2's head has waited more than that longer.
        string[][] windows = [["S1", "S2"], ["S1"], ["S2"]];
        foreach (var (lead, expected) in new[] { (5.0, "S1"), (30.0, "S2") })
        {
            var hall = SmallHall.Create(new EngineDispatch(), [4, 12], windows);
            hall.Issue("S1");
            hall.Issue("S2");
            hall.Serve("W2");
            hall.Serve("W3");
            hall.Issue("S2");
            hall.Issue("S2");
            hall.Advance(lead);
            hall.Issue("S1");
            hall.Issue("S1");
            hall.Advance(1);

            Assert.Equal(expected, hall.Serve("W1").ServiceId);
        }
    }

    [Fact]
    public void InAHallOfAlikeWindowsTheOlderHeadGoesFirstWhateverItsServiceTakes()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [4, 12], [["S1", "S2"], ["S1", "S2"]]);
        hall.Issue("S2");
        hall.Advance(1);
        hall.Issue("S1");
        hall.Advance(1);

        Assert.Equal("S2", hall.Serve("W1").ServiceId);
    }

    [Fact]
    public void DispatchOnlyCallsTicketsTheHallAllowsTheWindowToCall()
    {
        var hall = SmallHall.Create(new EngineDispatch(), [5, 5], [["S1"], ["S2"]]);
        hall.Issue("S2");
        Assert.Null(hall.CallNext("W1"));
        Assert.Equal("S2", hall.Serve("W2").ServiceId);
    }

    [Fact]
    public void NoTicketIsOvertakenByOneQueuedMoreThanTheBoundLaterInABusyDayWithPriorities()
    {
        var dispatch = new EngineDispatch();
        var hall = SmallHall.Create(dispatch, [5, 6, 8, 4], [["S1", "S2"], ["S2", "S3"], ["S3", "S4"], ["S4", "S1"], ["S1", "S2", "S3", "S4"]]);
        var random = new Random(42);
        var arrivals = new List<SimulatedArrival>();
        var t = 0.0;
        while (t < 8 * 60)
        {
            t += -Math.Log(1 - random.NextDouble()) * 60 / 52; // 52 an hour: about 0.95 of the hall's capacity
            var service = $"S{random.Next(4) + 1}";
            var priority = random.NextDouble() switch { < 0.08 => TicketPriority.Green, < 0.14 => TicketPriority.Booking, _ => TicketPriority.Normal };
            arrivals.Add(new SimulatedArrival(SmallHall.Opening.AddMinutes(t), service, -Math.Log(1 - random.NextDouble()) * 5.5, priority));
        }
        var sim = new HallSimulation(hall.State, SmallHall.Opening, _ => 5) { RecordEstimates = false };
        sim.StartDay(SmallHall.Opening);
        sim.Run(arrivals);

        Assert.Equal(arrivals.Count, sim.Visits.Count);
        Assert.Equal(sim.Visits.Count, sim.Visits.Select(v => v.TicketId).Distinct().Count());
        var skills = hall.State.Windows.ToDictionary(w => w.Id, w => w.ServiceIds.ToHashSet());
        var overtakes = 0;
        foreach (var v in sim.Visits)
        {
            var calledAt = v.IssuedAt.AddMinutes(v.WaitMinutes);
            foreach (var u in sim.Visits)
            {
                if (!skills[v.WindowId].Contains(u.ServiceId) || u.IssuedAt >= v.IssuedAt || u.IssuedAt.AddMinutes(u.WaitMinutes) <= calledAt) continue;
                overtakes++;
                Assert.True((v.IssuedAt - u.IssuedAt).TotalMinutes <= dispatch.MaxOvertakeMinutes,
                    $"a ticket issued {(v.IssuedAt - u.IssuedAt).TotalMinutes:F0} min later was called first");
            }
        }
        Assert.True(overtakes > 0, "the day should exercise overtaking at all");
        var waits = sim.Visits.Join(arrivals.Select((a, i) => (a, i)), v => (v.IssuedAt, v.ServiceId), x => (x.a.At, x.a.ServiceId), (v, x) => (v.WaitMinutes, x.a.Priority)).ToList();
        Assert.True(waits.Where(w => w.Priority == TicketPriority.Green).Average(w => w.WaitMinutes) < waits.Where(w => w.Priority == TicketPriority.Normal).Average(w => w.WaitMinutes),
            "green channel tickets wait less on average");
    }

    [Fact]
    public void WithoutAgeingAnAbsolutePriorityPolicyWouldBreakTheBound()
    {
        // The bound above is a property of the engine, not of the day: the baseline's absolute priority
        // lets a stream of green tickets hold an ordinary one back indefinitely.
        var hall = SmallHall.Create(new OldestFirstDispatch(), [5], [["S1"]], new PlainQueuePredictor());
        var early = hall.Issue("S1");
        var rounds = (int)(new EngineDispatch().MaxOvertakeMinutes / 5) + 6;
        for (var i = 0; i < rounds; i++)
        {
            hall.Advance(5);
            hall.Issue("S1", TicketPriority.Green);
            Assert.NotEqual(early.Id, hall.Serve("W1").Id);
            hall.Complete("W1");
        }
        Assert.True((hall.Now - early.IssuedAt).TotalMinutes > new EngineDispatch().MaxOvertakeMinutes);
    }
}
