using Queue.Silo.Prediction;
using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Services;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.Tests.Snapshots;

/// <summary>
/// The writer builds each snapshot from the previous one, rebuilding only the touched and waiting tickets
/// (docs/decisions/0070). Whatever the commands, that must give exactly the views a full rebuild gives.
/// </summary>
public sealed class IncrementalSnapshotTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // estimates reused between batches, as in a flood: only lines from their first change are refreshed
    public void Snapshot_built_from_the_previous_one_equals_a_full_rebuild_after_every_batch(bool reusedEstimates)
    {
        var now = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var hall = new Hall("h", "hall", HallLevel.City, null, "420100");
        var services = Enumerable.Range(0, 4).Select(i => new Service($"s{i}", hall.Id, $"service {i}", "社会民生类", ((char)('A' + i)).ToString(), 5, new ServiceGuide())).ToList();
        var windows = Enumerable.Range(1, 5).Select(i => new HallWindow($"w{i}", hall.Id, i, $"{i}号窗口", i == 1 ? services.Select(s => s.Id) : [services[i % 4].Id])).ToList();
        foreach (var w in windows) w.Open("staff");
        IWaitPredictor predictor = reusedEstimates ? new ForwardRunPredictor(TimeSpan.FromDays(1)) : new PlainQueuePredictor();
        var state = new HallState(hall, services, windows, [], [], new OldestFirstDispatch(), predictor);
        var rng = new Random(3);
        var previous = HallSnapshot.Of(state, now);
        for (var batch = 0; batch < 400; batch++)
        {
            now = now.AddSeconds(rng.Next(1, 90));
            var changes = new HallChanges(state, now);
            for (var c = rng.Next(1, 6); c > 0; c--)
            {
                var window = $"w{rng.Next(1, 6)}";
                try
                {
                    switch (rng.Next(10))
                    {
                        case 0 or 1 or 2: state.IssueTicket(services[rng.Next(4)].Id, TicketChannel.Kiosk, rng.Next(10) == 0 ? TicketPriority.Green : TicketPriority.Normal, "h", changes); break;
                        // Phone tickets wait unseen until their holders check in, which changes who is ahead of whom.
                        case 8: state.IssueTicket(services[rng.Next(4)].Id, TicketChannel.Mobile, TicketPriority.Normal, "h", changes); break;
                        case 9:
                            if (state.WaitingTickets.Where(t => t.ArrivedAt is null).OrderBy(_ => rng.Next()).FirstOrDefault() is { } away) state.Arrive(away.Id, changes);
                            break;
                        case 3: state.CallNext(window, changes); break;
                        case 4: state.Start(window, changes); break;
                        case 5: state.Complete(window, TicketOutcome.Done, null, changes); break;
                        case 6: state.Transfer(window, services[rng.Next(4)].Id, null, changes); break;
                        default:
                            if (state.WaitingTickets.FirstOrDefault() is { } t) state.Cancel(t.Id, "holder", changes);
                            break;
                    }
                }
                catch (HallException) { }
            }
            var touched = changes.Added.Concat(changes.Modified).OfType<Ticket>().Select(t => t.Id).ToHashSet();
            var incremental = HallSnapshot.Of(state, now, previous, touched);
            var full = HallSnapshot.Of(state, now);
            Assert.Equal(full.Tickets.Count, incremental.Tickets.Count);
            foreach (var (id, view) in full.Tickets) Assert.Equal(view, incremental.Tickets[id]);
            Assert.Equal(full.Board.RecentCalls, incremental.Board.RecentCalls);
            previous = incremental;
        }
        Assert.True(previous.Tickets.Values.Count(t => t.Status == TicketStatus.Done) > 10, $"the batches should have served some tickets: {string.Join(", ", previous.Tickets.Values.GroupBy(t => t.Status).Select(g => $"{g.Key} {g.Count()}"))}");
    }
}
