using Queue.Silo.Dispatch;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

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

    /// <summary>
    /// Issue 17: a generalist window's terminal listed its tickets by age while call-next weighed the lines (short
    /// matters first, long lines first), so staff saw it call the 2nd, then the 4th listed ticket. In random halls
    /// (specialist and generalist windows, priorities, a paused and a closed window, tickets sent to a window), every
    /// window's listed order is what call-next then gives, ticket by ticket, when nothing else happens.
    /// </summary>
    [Fact]
    public void EveryWindowListsItsTicketsInTheOrderCallNextGivesThem()
    {
        var compared = 0;
        var weighed = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var (probe, windowIds) = RandomHall(seed);
            var snapshot = HallSnapshot.Of(probe.State, probe.Now);
            foreach (var windowId in windowIds)
            {
                var listed = WindowDesk.Of(snapshot, windowId).Waiting.Take(WindowDesk.Ordered).Select(t => t.Number).ToList();
                var merged = WindowDesk.Of(snapshot, windowId).Waiting.OrderBy(t => t.LineFrom).ThenBy(t => t.Number, StringComparer.Ordinal)
                    .Take(WindowDesk.Ordered).Select(t => t.Number).ToList();
                var (hall, _) = RandomHall(seed); // the same hall afresh: calling here must not disturb the next window's list
                var window = hall.State.GetWindow(windowId);
                if (window.State == WindowState.Paused) hall.State.ResumeWindow(windowId, hall.Changes());
                if (window.State != WindowState.Open) continue;
                var called = new List<string>();
                while (called.Count < listed.Count && hall.CallNext(windowId) is { } next)
                {
                    called.Add(next.Number);
                    hall.State.Start(windowId, hall.Changes());
                    hall.Complete(windowId);
                }
                Assert.True(listed.SequenceEqual(called), $"seed {seed}, {windowId}: listed {string.Join(' ', listed)}, called {string.Join(' ', called)}");
                compared++;
                if (!listed.SequenceEqual(merged)) weighed++;
            }
        }
        Assert.True(compared > 150, $"only {compared} windows compared");
        // The check only means something where the dispatch's weighing departs from age order.
        Assert.True(weighed > 20, $"only {weighed} of {compared} windows call out of age order");
    }

    private static (SmallHall Hall, List<string> WindowIds) RandomHall(int seed)
    {
        var random = new Random(seed);
        var services = random.Next(2, 6);
        var norms = Enumerable.Range(0, services).Select(_ => (double)random.Next(3, 40)).ToArray();
        var all = Enumerable.Range(1, services).Select(i => $"S{i}").ToArray();
        var skills = Enumerable.Range(0, random.Next(3, 7)).Select(i => i == 0 ? all : all.Where(_ => random.NextDouble() < 0.5).DefaultIfEmpty(all[random.Next(services)]).ToArray()).ToArray();
        var hall = SmallHall.Create(new EngineDispatch(), norms, skills);
        var windowIds = Enumerable.Range(1, skills.Length).Select(i => $"W{i}").ToList();
        for (var i = 0; i < random.Next(15, 60); i++)
        {
            var priority = random.NextDouble() switch { < 0.08 => TicketPriority.Green, < 0.15 => TicketPriority.Booking, _ => TicketPriority.Normal };
            hall.Issue(all[random.Next(services)], priority);
            hall.Advance(random.NextDouble() * 3);
        }
        // A ticket sent on to a named window (a transfer) may be called there only.
        var sender = windowIds[random.Next(windowIds.Count)];
        if (hall.CallNext(sender) is not null)
        {
            var target = windowIds.Where(w => w != sender).ElementAt(random.Next(windowIds.Count - 1));
            var service = hall.State.GetWindow(target).ServiceIds[0];
            hall.State.Transfer(sender, service, target, hall.Changes());
        }
        hall.Advance(5);
        if (skills.Length > 3) hall.State.PauseWindow(windowIds[^1], hall.Changes());
        if (skills.Length > 4) hall.State.CloseWindow(windowIds[^2], hall.Changes());
        return (hall, windowIds);
    }
}
