using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Hosting;
using Queue.Silo.Presence;
using Queue.Silo.Views;

namespace Queue.Silo.Tickets;

/// <summary>
/// The ticket grain: a stateless worker, so every silo answers its own phones with a local activation that reads
/// that silo's replica — no directory lookup, and nothing to wait for when another silo dies (a phone resynchronising
/// after a failover is answered at once). Each activation remembers the ticket's hall and its holder's token hash
/// (neither ever changes), so a phone that asks again is checked without a database read. What it changes (cancel,
/// arrival) the hall grain decides, one at a time.
/// </summary>
[StatelessWorker]
public sealed class TicketGrain(HallClient halls, PresenceCodes presence) : Grain, ITicketGrain
{
    private (string HallId, string TokenHash)? holder;

    private Guid TicketId => this.GetPrimaryKey();

    public async Task<TicketView> Get(string? token)
    {
        await HallOf(token);
        return await halls.ReadTicketAsync(TicketId, token);
    }

    public async Task<TicketView> Cancel(string? token)
    {
        var hallId = await HallOf(token);
        return await GrainFactory.GetGrain<IHallGrain>(hallId).Cancel(TicketId, "holder");
    }

    public async Task<TicketView> Arrive(string? token, string? code)
    {
        var hallId = await HallOf(token);
        switch (await presence.CheckAsync(hallId, code))
        {
            case PresenceCheck.Forged:
                throw new HallException(RefusalKind.Forbidden, "presence.forged", "签到码无效，请扫描大厅内屏幕上的签到码。/ This is not this hall's presence code.");
            case PresenceCheck.Expired:
                throw new HallException(RefusalKind.Gone, "presence.expired", "签到码已过期，请重新扫描屏幕上的签到码。/ The presence code has expired; scan the one on the screen again.");
        }
        return await GrainFactory.GetGrain<IHallGrain>(hallId).Arrive(TicketId);
    }

    public async Task<string> HallOf(string? token)
    {
        if (holder is { } known)
            return TicketToken.Matches(token, known.TokenHash) ? known.HallId : throw HallException.NotFound("ticket", TicketId.ToString());
        var (hallId, tokenHash) = await halls.FindHolderHashAsync(TicketId, token);
        holder = (hallId, tokenHash);
        return hallId;
    }
}
