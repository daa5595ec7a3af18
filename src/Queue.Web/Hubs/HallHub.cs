using Microsoft.AspNetCore.SignalR;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Views;

namespace Queue.Web.Hubs;

/// <summary>
/// <c>/hubs/hall</c>: displays join a hall and hear every call and board change; a phone watches its
/// ticket. Both methods answer with the current state, so a client that reconnects resynchronises by
/// calling them again.
/// </summary>
public sealed class HallHub(HallClient client, TicketWatchers watchers) : Hub
{
    public static string HallGroup(string hallId) => $"hall:{hallId}";
    public static string TicketGroup(Guid ticketId) => $"ticket:{ticketId}";

    public async Task<Board> JoinHall(string hallId)
    {
        if (string.IsNullOrEmpty(hallId) || hallId.Length > 64) throw new HubException("Unknown hall.");
        var snapshot = await Guard(() => client.SnapshotAsync(hallId));
        await Groups.AddToGroupAsync(Context.ConnectionId, HallGroup(hallId));
        return snapshot.Board;
    }

    public async Task<TicketView> WatchTicket(Guid ticketId, string token)
    {
        var ticket = await Guard(() => client.GetTicketAsync(ticketId, token));
        await Groups.AddToGroupAsync(Context.ConnectionId, TicketGroup(ticketId));
        watchers.Add(Context.ConnectionId, ticketId);
        return ticket;
    }

    /// <summary>A paired evaluator pad joins its window: the pad's picture now, then <c>RatingInvited</c> and <c>PadChanged</c>.</summary>
    public Task<Queue.Silo.Ratings.PadView> JoinPad(string hallId, string windowId, string key) =>
        Queue.Web.Ratings.PadChannel.JoinAsync(this, hallId, windowId, key);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Refusals reach the client as a readable hub error instead of a generic failure.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (HallException e) { throw new HubException(e.Message); }
    }
}
