using Microsoft.EntityFrameworkCore;
using Queue.Silo.Halls;
using Queue.Silo.Hosting;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Silo.Floor;

/// <summary>The hall floor's commands, sent to the hall's grain like <see cref="HallClient"/>'s.</summary>
public sealed class FloorClient(HallSnapshots halls, HallClient client, IDbContextFactory<QueueDb> dbs)
{
    public async Task<TicketView> CompleteAsync(string hallId, string windowId, TicketCompletion completion) =>
        await (await client.WindowAsync(hallId, windowId)).CompleteWith(completion);

    /// <summary>
    /// The 补办 re-entry, asked for by the holder of the original ticket. A re-entry made on an earlier
    /// day is only in storage, so storage is asked first; the grain checks today's tickets itself.
    /// </summary>
    public async Task<IssuedTicket> ReEnterAsync(Guid ticketId, string? token)
    {
        var (hallId, original) = await client.FindHolderAsync(ticketId, token);
        bool returnedBefore;
        await using (var db = await dbs.CreateDbContextAsync())
            returnedBefore = await db.Set<Ticket>().AnyAsync(t => t.ReturnOfTicketId == ticketId);
        var newToken = TicketToken.New();
        var ticket = await (await client.HallAsync(hallId)).ReEnter(original.Id, returnedBefore, TicketToken.Hash(newToken));
        return new IssuedTicket(ticket, newToken);
    }

    public async Task<IReadOnlyList<string>> NoticesAsync(string hallId) => (await halls.SnapshotAsync(hallId)).Board.Notices;

    public async Task<IReadOnlyList<string>> SetNoticesAsync(string hallId, string text) => await (await client.HallAsync(hallId)).SetNotices(text);
}
