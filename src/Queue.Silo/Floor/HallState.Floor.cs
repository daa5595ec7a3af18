using Queue.Silo.Floor;
using Queue.Silo.Tickets;

namespace Queue.Silo.Engine;

/// <summary>The hall floor's commands: completing with the outcome's details, the 补办 re-entry, notices.</summary>
public sealed partial class HallState
{
    /// <summary>
    /// Completes the window's ticket with its outcome and what the citizen must be told: the promised
    /// day of a 承诺件, the missing materials of a 补办 (checked against the service's guide), the
    /// reason of a 退回.
    /// </summary>
    public Ticket Complete(string windowId, TicketCompletion completion, HallChanges changes)
    {
        var window = GetWindow(windowId);
        window.RequireCurrent(out var ticketId);
        var current = GetTicket(ticketId);
        if (current.Status != TicketStatus.Serving)
            throw Ticket.WrongStateOf(current.Number, current.Status, "complete");
        var checkedCompletion = completion.Checked(GetService(current.ServiceId).Guide, Hall.BusinessDay(changes.Now));
        var ticket = Complete(windowId, checkedCompletion.Outcome, checkedCompletion.Note, changes);
        ticket.PromisedDate = checkedCompletion.PromisedDate;
        ticket.MissingMaterials = checkedCompletion.MissingMaterialsOrEmpty.ToList();
        return ticket;
    }

    /// <summary>
    /// A citizen told to 补办 comes back with the materials: a new ticket for the same service with
    /// <see cref="TicketPriority.Returning"/>, linked to the original. Once per original ticket.
    /// <paramref name="original"/> is the holder-checked ticket (from storage if it is from an earlier day);
    /// <paramref name="returnedBefore"/> says whether storage already holds a re-entry of it.
    /// </summary>
    public Ticket ReEnter(Ticket original, bool returnedBefore, string tokenHash, HallChanges changes)
    {
        var source = FindTicket(original.Id) ?? original;
        if (source.HallId != Hall.Id) throw HallException.NotFound("ticket", source.Id.ToString());
        if (source.Status != TicketStatus.Done || source.Outcome != TicketOutcome.SupplementRequired)
            throw HallException.Conflict("ticket.notSupplement", ("number", source.Number));
        if (returnedBefore || Tickets.Any(t => t.ReturnOfTicketId == source.Id))
            throw HallException.Conflict("ticket.alreadyReturned", ("number", source.Number));
        GetService(source.ServiceId);
        var ticket = IssueTicket(source.ServiceId, TicketChannel.Mobile, TicketPriority.Returning, tokenHash, changes);
        ticket.ReturnOfTicketId = source.Id;
        changes.Emit(new TicketReEntered(ticket.Id, ticket.Number, source.Id, source.Number));
        return ticket;
    }

    /// <summary>Replaces the hall's notices (公告) shown on the wall display.</summary>
    public void SetNotices(string text, HallChanges changes)
    {
        var lines = HallNotices.Lines(text);
        Hall.Notices = string.Join('\n', lines);
        changes.Touch(Hall);
        changes.Emit(new HallNoticesChanged(lines.Count));
    }
}
