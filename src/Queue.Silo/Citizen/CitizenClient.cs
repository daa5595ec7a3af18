using Queue.Silo.Calendar;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Presence;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Silo.Citizen;

/// <summary>
/// The citizen's hall commands beside <see cref="HallClient"/>: a remote ticket from a phone, checking in
/// with the presence code, a booking turned into a ticket. Each goes to the hall's grain.
/// </summary>
public sealed class CitizenClient(HallClient client, HallCalendar calendar, CitizenSecrets secrets,
    IGrainFactory grains, TimeProvider time)
{
    /// <summary>A phone ticket (channel mobile): only while the hall is open, one active per phone and service.</summary>
    public async Task<IssuedTicket> IssueRemoteTicketAsync(string hallId, string serviceId, string deviceId)
    {
        var days = await calendar.RecentForHallAsync(hallId);
        var now = time.GetUtcNow();
        if (!days.IsOpen(now))
        {
            throw days.NextOpening(now) is { } at
                ? new HallException(RefusalKind.Conflict, "hall.closed", "hall.closed.next", ("opens", days.Local(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)))
                : HallException.Conflict("hall.closed");
        }
        var deviceHash = await secrets.HashAsync(CitizenSecrets.Devices, deviceId);
        var token = TicketToken.New();
        var hash = TicketToken.Hash(token);
        return new IssuedTicket(await (await client.HallAsync(hallId)).IssueRemoteTicket(serviceId, deviceHash, hash), token);
    }

    /// <summary>The holder scanned the hall's presence code: a forged code is refused (403), an old one too (410).</summary>
    public Task<TicketView> ArriveAsync(Guid ticketId, string? token, string? code) => grains.GetGrain<ITicketGrain>(ticketId).Arrive(token, code);

    /// <summary>Issues the priority ticket of a checked-in booking.</summary>
    public async Task<IssuedTicket> IssueBookingTicketAsync(string hallId, Guid bookingId, string serviceId)
    {
        var token = TicketToken.New();
        var hash = TicketToken.Hash(token);
        return new IssuedTicket(await (await client.HallAsync(hallId)).IssueBookingTicket(bookingId, serviceId, hash), token);
    }
}
