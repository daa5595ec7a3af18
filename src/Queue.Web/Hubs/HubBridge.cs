using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;

namespace Queue.Web.Hubs;

/// <summary>
/// Pushes committed hall updates to this node's hub connections: <c>TicketCalled</c> to the hall and the
/// ticket, <c>BoardChanged</c> to the hall, <c>TicketUpdated</c> to the watchers of every ticket whose
/// status, place or estimate changed. Runs off the hall's writer, in order.
/// </summary>
public sealed class HubBridge(HallFeed feed, IHubContext<HallHub> hub, TicketWatchers watchers, ILogger<HubBridge> log) : BackgroundService
{
    private readonly Channel<HallUpdate> pending = Channel.CreateUnbounded<HallUpdate>(new() { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var subscription = feed.Subscribe(u => pending.Writer.TryWrite(u));
        await foreach (var update in pending.Reader.ReadAllAsync(stop))
        {
            try { await PushAsync(update); }
            catch (Exception ex) { log.LogWarning(ex, "Could not push an update of hall {HallId}", update.HallId); }
        }
    }

    private async Task PushAsync(HallUpdate update)
    {
        var after = update.After;
        var hallGroup = hub.Clients.Group(HallHub.HallGroup(update.HallId));
        foreach (var called in update.Events.OfType<TicketCalled>())
        {
            var service = after.Tickets.TryGetValue(called.Ticket, out var t) ? t.ServiceName : "";
            var window = after.Detail.Windows.FirstOrDefault(w => w.Id == called.WindowId);
            var message = new TicketCalledMessage(update.HallId, called.Ticket, called.Number, called.WindowNumber, window?.Name ?? "",
                service, called.At, called.IsRecall);
            await hallGroup.SendAsync("TicketCalled", message);
            await hub.Clients.Group(HallHub.TicketGroup(called.Ticket)).SendAsync("TicketCalled", message);
        }
        await hallGroup.SendAsync("BoardChanged", new BoardChangedMessage(after.Board));
        // Walk whichever is smaller: this node's watched tickets, or the hall's tickets of the day.
        var candidates = watchers.Count < after.Tickets.Count ? watchers.WatchedIds : after.Tickets.Keys;
        foreach (var id in candidates)
        {
            if (!after.Tickets.TryGetValue(id, out var view) || !watchers.IsWatched(id)) continue;
            // Views the writer kept from the last snapshot are the same object: no record comparison needed.
            var old = update.Before is { } before && before.Tickets.TryGetValue(id, out var o) ? o : null;
            if (old is not null && (ReferenceEquals(old, view) || old == view)) continue;
            await hub.Clients.Group(HallHub.TicketGroup(id)).SendAsync("TicketUpdated", new TicketUpdatedMessage(view));
        }
    }
}
