using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Views;

namespace Queue.Web.Hubs;

/// <summary>
/// Pushes committed hall updates to this node's hub connections, in two lanes so a call is never stuck
/// behind bulk work:
/// <list type="bullet">
/// <item>calls and boards, in commit order: <c>TicketCalled</c> to the hall and the ticket, then
/// <c>BoardChanged</c> to the hall;</item>
/// <item>ticket views: <c>TicketUpdated</c> to this node's watchers of every ticket whose status, place or
/// estimate changed, straight to their connections. One call moves the place of everyone behind, so under load this is thousands of
/// messages per commit; only the newest view of each ticket matters, so views waiting to be sent are
/// replaced by newer ones and sent concurrently.</item>
/// </list>
/// </summary>
public sealed class HubBridge(HallFeed feed, IHubContext<HallHub> hub, TicketWatchers watchers, HubBackplane backplane, ILogger<HubBridge> log) : BackgroundService
{
    private const int SendsInFlight = 256;
    private readonly Channel<HallUpdate> calls = Channel.CreateUnbounded<HallUpdate>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, TicketView> views = new();
    private readonly Channel<bool> viewsChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override Task ExecuteAsync(CancellationToken stop)
    {
        var subscription = feed.Subscribe(u =>
        {
            // Calls and boards go to every node's clients from the node that committed them; ticket views from each
            // node's own replica to its own watchers.
            if (backplane.Pushes(u)) calls.Writer.TryWrite(u);
            CollectChangedViews(u);
        });
        stop.Register(subscription.Dispose);
        return Task.WhenAll(PushCallsAsync(stop), PushViewsAsync(stop));
    }

    private async Task PushCallsAsync(CancellationToken stop)
    {
        var pending = new List<HallUpdate>();
        while (await calls.Reader.WaitToReadAsync(stop))
        {
            // Everything committed meanwhile: every call in commit order, then only each hall's newest board. A
            // fast writer commits many small batches, and a board per batch queued calls behind boards already
            // superseded (decision 0073).
            pending.Clear();
            while (calls.Reader.TryRead(out var u)) pending.Add(u);
            foreach (var update in pending) await PushCallsOfAsync(update, stop);
            foreach (var newest in pending.GroupBy(u => u.HallId).Select(g => g.Last()))
            {
                try { await hub.Clients.Group(HallHub.HallGroup(newest.HallId)).SendAsync("BoardChanged", new BoardChangedMessage(newest.After.Board), stop); }
                catch (Exception ex) when (!stop.IsCancellationRequested) { log.LogWarning(ex, "Could not push the board of hall {HallId}", newest.HallId); }
            }
        }
    }

    private async Task PushCallsOfAsync(HallUpdate update, CancellationToken stop)
    {
        try
        {
            var after = update.After;
            var hallGroup = hub.Clients.Group(HallHub.HallGroup(update.HallId));
            foreach (var called in update.Events.OfType<TicketCalled>())
            {
                var service = after.Tickets.TryGetValue(called.Ticket, out var t) ? t.ServiceName : "";
                var window = after.Detail.Windows.FirstOrDefault(w => w.Id == called.WindowId);
                var message = new TicketCalledMessage(update.HallId, called.Ticket, called.Number, called.WindowNumber, window?.Name ?? "",
                    service, called.At, called.IsRecall);
                await Task.WhenAll(
                    hallGroup.SendAsync("TicketCalled", message, stop),
                    hub.Clients.Group(HallHub.TicketGroup(called.Ticket)).SendAsync("TicketCalled", message, stop));
            }
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            log.LogWarning(ex, "Could not push a call of hall {HallId}", update.HallId);
        }
    }

    /// <summary>Runs on the hall's writer: only notes which watched views changed (newest wins), sends nothing.</summary>
    private void CollectChangedViews(HallUpdate update)
    {
        var after = update.After;
        // Walk whichever is smaller: this node's watched tickets, or the hall's tickets of the day.
        var candidates = watchers.Count < after.Tickets.Count ? watchers.WatchedIds : after.Tickets.Keys;
        var any = false;
        foreach (var id in candidates)
        {
            if (!after.Tickets.TryGetValue(id, out var view) || !watchers.IsWatched(id)) continue;
            // Views the writer kept from the last snapshot are the same object: no record comparison needed.
            var old = update.Before is { } before && before.Tickets.TryGetValue(id, out var o) ? o : null;
            if (old is not null && (ReferenceEquals(old, view) || old == view)) continue;
            views[id] = view;
            any = true;
        }
        if (any) viewsChanged.Writer.TryWrite(true);
    }

    private async Task PushViewsAsync(CancellationToken stop)
    {
        var sending = new List<Task>(SendsInFlight);
        await foreach (var _ in viewsChanged.Reader.ReadAllAsync(stop))
        {
            foreach (var id in views.Keys)
            {
                if (!views.TryRemove(id, out var view)) continue;
                var message = new TicketUpdatedMessage(view);
                foreach (var connection in watchers.ConnectionsOf(id))
                {
                    sending.Add(hub.Clients.Client(connection).SendAsync("TicketUpdated", message, stop));
                    if (sending.Count >= SendsInFlight) await DrainAsync(sending, stop);
                }
            }
            await DrainAsync(sending, stop);
        }
    }

    private async Task DrainAsync(List<Task> sending, CancellationToken stop)
    {
        try { await Task.WhenAll(sending); }
        catch (Exception ex) when (!stop.IsCancellationRequested) { log.LogWarning(ex, "Could not push some ticket updates"); }
        sending.Clear();
    }
}
