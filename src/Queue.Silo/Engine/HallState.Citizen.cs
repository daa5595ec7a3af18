using Queue.Silo.Tickets;

namespace Queue.Silo.Engine;

/// <summary>The citizen's commands: a remote ticket from a phone, checking in at the hall, a booking turned into a ticket.</summary>
public sealed partial class HallState
{
    // Both indexes are built on first use and kept up by the commands, so a phone ticket or a check-in
    // costs the same with twenty or twenty thousand tickets in the day; rollover drops them.
    private Dictionary<(string Device, string Service), Ticket>? remoteTickets;
    private List<(Ticket Ticket, DateTimeOffset FirstCalledAt)>? calledInOrder;

    private Dictionary<(string Device, string Service), Ticket> RemoteTickets => remoteTickets ??=
        tickets.Values.Where(t => t.Channel == TicketChannel.Mobile && t.DeviceHash is not null && t.IsActive)
            .GroupBy(t => (t.DeviceHash!, t.ServiceId)).ToDictionary(g => g.Key, g => g.First());

    /// <summary>Today's first calls in the order they happened (a recall or a transfer's next call passes nobody again).</summary>
    private List<(Ticket Ticket, DateTimeOffset FirstCalledAt)> CalledInOrder => calledInOrder ??=
        tickets.Values.Where(t => t.FirstCalledAt is not null).OrderBy(t => t.FirstCalledAt).Select(t => (t, t.FirstCalledAt!.Value)).ToList();

    private void NoteCalled(Ticket ticket, DateTimeOffset at) => calledInOrder?.Add((ticket, at));

    private void ForgetCitizenIndexes()
    {
        remoteTickets = null;
        calledInOrder = null;
    }

    /// <summary>A ticket taken by phone; it waits "not yet arrived" until its holder scans the presence code.</summary>
    public Ticket IssueRemoteTicket(string serviceId, string deviceHash, string tokenHash, HallChanges changes)
    {
        var service = GetService(serviceId);
        if (RemoteTickets.TryGetValue((deviceHash, service.Id), out var held) && held.IsActive && held.ServiceId == service.Id)
            throw HallException.Conflict("ticket.onePerPhone", ("service", service.Name));
        var ticket = IssueTicket(service.Id, TicketChannel.Mobile, TicketPriority.Normal, tokenHash, changes);
        ticket.DeviceHash = deviceHash;
        RemoteTickets[(deviceHash, service.Id)] = ticket;
        return ticket;
    }

    /// <summary>
    /// The holder is in the hall. Until then the ticket could not be called (MayCall) but kept its QueuedAt, so
    /// arriving puts it back at its original place — unless a ticket queued behind it was called more than
    /// the grace period ago; then its place is forfeit and it queues from now. It is never cancelled for being late.
    /// </summary>
    public Ticket Arrive(Guid ticketId, HallChanges changes)
    {
        var ticket = GetTicket(ticketId);
        if (ticket.Status != TicketStatus.Waiting)
            throw HallException.Conflict("ticket.notWaiting", ("number", ticket.Number), ("status", ticket.Status.ToString().ToLowerInvariant()));
        if (ticket.ArrivedAt is not null) return ticket;
        // Only calls made after this ticket was queued can have passed it: walk the calls back to that moment.
        var firstPassed = DateTimeOffset.MaxValue;
        var calls = CalledInOrder;
        for (var i = calls.Count - 1; i >= 0 && calls[i].FirstCalledAt >= ticket.QueuedAt; i--)
        {
            var (t, at) = calls[i];
            if (t.Id != ticket.Id && t.ServiceId == ticket.ServiceId && Behind(t, ticket) && at < firstPassed) firstPassed = at;
        }
        var keep = firstPassed == DateTimeOffset.MaxValue || changes.Now - firstPassed <= TimeSpan.FromMinutes(Hall.Settings.PresenceGraceMinutes);
        ticket.Arrive(changes.Now, keep);
        changes.Touch(ticket);
        changes.Emit(new TicketArrived(ticket.Id, keep));
        return ticket;
    }

    /// <summary>A checked-in booking becomes a priority ticket (Booking) bound to the booking; never twice.</summary>
    public Ticket IssueBookingTicket(Guid bookingId, string serviceId, string tokenHash, HallChanges changes)
    {
        GetService(serviceId);
        if (tickets.Values.FirstOrDefault(t => t.BookingId == bookingId) is { } existing)
            throw new HallException(RefusalKind.Conflict, "booking.checkedIn", "booking.checkedIn.ticket", ("number", existing.Number));
        var ticket = IssueTicket(serviceId, TicketChannel.Booking, TicketPriority.Booking, tokenHash, changes);
        ticket.BookingId = bookingId;
        return ticket;
    }

    /// <summary>Whether <paramref name="t"/> stood behind <paramref name="ahead"/> in line (same order as dispatch: queued time, then number).</summary>
    private static bool Behind(Ticket t, Ticket ahead) =>
        t.QueuedAt > ahead.QueuedAt || (t.QueuedAt == ahead.QueuedAt && string.CompareOrdinal(t.Number, ahead.Number) > 0);
}
