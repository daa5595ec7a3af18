using Orleans.Placement;
using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Hosting;
using Queue.Silo.Presence;
using Queue.Silo.Views;

namespace Queue.Silo.Tickets;

/// <summary>
/// The ticket grain. Placed on the silo that first asks for it, so its reads are that silo's replica of the hall.
/// It remembers the ticket's hall and its holder's token hash (neither ever changes), so a phone that asks again
/// is checked without a database read.
/// </summary>
[PreferLocalPlacement]
public sealed class TicketGrain(HallClient halls, PresenceCodes presence) : Grain, ITicketGrain
{
    private (string HallId, string TokenHash)? holder;

    private Guid TicketId => this.GetPrimaryKey();

    public async Task<TicketView> Get(string? token)
    {
        // The holder is checked once here; the read does not look the ticket's hall up a second time.
        return await halls.ReadTicketAsync(TicketId, await HallOf(token));
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
                throw new HallException(RefusalKind.Forbidden, "presence.forged", "presence.forged");
            case PresenceCheck.Expired:
                throw new HallException(RefusalKind.Gone, "presence.expired", "presence.expired");
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
