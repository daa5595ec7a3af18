using Microsoft.EntityFrameworkCore;
using Queue.Silo.Hosting;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Silo.Floor;

/// <summary>The hall floor's commands, routed to the hall's single writer like <see cref="HallClient"/>'s.</summary>
public sealed class FloorClient(HallRegistry halls, HallClient client, IDbContextFactory<QueueDb> dbs)
{
    public async Task<TicketView> CompleteAsync(string hallId, string windowId, TicketCompletion completion)
    {
        var grain = await halls.GetAsync(hallId);
        var id = await grain.ExecuteAsync((s, c) => s.Complete(windowId, completion, c).Id);
        return grain.Snapshot!.Tickets[id];
    }

    /// <summary>
    /// The 补办 re-entry, asked for by the holder of the original ticket. A re-entry made on an earlier
    /// day is only in storage, so storage is asked first; the writer checks today's tickets itself.
    /// </summary>
    public async Task<IssuedTicket> ReEnterAsync(Guid ticketId, string? token)
    {
        var (hallId, original) = await client.FindHolderAsync(ticketId, token);
        bool returnedBefore;
        await using (var db = await dbs.CreateDbContextAsync())
            returnedBefore = await db.Set<Ticket>().AnyAsync(t => t.ReturnOfTicketId == ticketId);
        var newToken = TicketToken.New();
        var hash = TicketToken.Hash(newToken);
        var grain = await halls.GetAsync(hallId);
        var id = await grain.ExecuteAsync((s, c) => s.ReEnter(original, returnedBefore, hash, c).Id);
        return new IssuedTicket(grain.Snapshot!.Tickets[id], newToken);
    }

    public async Task<IReadOnlyList<string>> NoticesAsync(string hallId) => (await halls.SnapshotAsync(hallId)).Board.Notices;

    public async Task<IReadOnlyList<string>> SetNoticesAsync(string hallId, string text)
    {
        var grain = await halls.GetAsync(hallId);
        await grain.ExecuteAsync((s, c) => { s.SetNotices(text, c); return 0; });
        return grain.Snapshot!.Board.Notices;
    }
}
