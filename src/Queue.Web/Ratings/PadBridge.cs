using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Ratings;
using Queue.Web.Hubs;

namespace Queue.Web.Ratings;

/// <summary>
/// Pushes to evaluator pads: <c>RatingInvited {invitation}</c> when a ticket is completed at the pad's
/// window, <c>PadChanged {pad}</c> when the window opens, closes or changes hands. Runs off the hall's
/// writer, in order: on every node alone, on the committing node only with a backplane (<see cref="HubBackplane"/>).
/// </summary>
public sealed class PadBridge(HallFeed feed, IHubContext<HallHub> hub, PadDesk pads, HubBackplane backplane, ILogger<PadBridge> log) : BackgroundService
{
    private readonly Channel<HallUpdate> pending = Channel.CreateUnbounded<HallUpdate>(new() { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var subscription = feed.Subscribe(u =>
        {
            if (backplane.Pushes(u) && u.Events.Any(e => e is TicketCompleted or WindowChanged)) pending.Writer.TryWrite(u);
        });
        await foreach (var update in pending.Reader.ReadAllAsync(stop))
        {
            try { await PushAsync(update, stop); }
            catch (Exception ex) when (!stop.IsCancellationRequested) { log.LogWarning(ex, "Could not push to the pads of hall {HallId}", update.HallId); }
        }
    }

    private async Task PushAsync(HallUpdate update, CancellationToken ct)
    {
        foreach (var e in update.Events)
        {
            if (e is TicketCompleted done)
            {
                var ticket = update.After.Tickets.GetValueOrDefault(done.Ticket);
                var invitation = await pads.InviteAsync(done.Ticket, update.HallId, done.WindowId, ticket?.Number ?? "", ticket?.ServiceName ?? "", done.At, ct);
                if (invitation is not null)
                    await hub.Clients.Group(PadChannel.Group(update.HallId, done.WindowId)).SendAsync("RatingInvited", invitation, ct);
            }
            else if (e is WindowChanged changed)
            {
                var view = await pads.ViewAsync(update.HallId, changed.WindowId, ct);
                await hub.Clients.Group(PadChannel.Group(update.HallId, changed.WindowId)).SendAsync("PadChanged", view, ct);
            }
        }
    }
}
