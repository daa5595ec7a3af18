using Queue.Silo.Views;

namespace Queue.Silo.Tickets;

/// <summary>
/// The citizen's side of one ticket (key: ticket id, decision 0090): the holder's token check, the ticket as the
/// phone sees it, cancelling and arriving. Reads come from the hall's replica on this silo, never from a turn of
/// the hall grain; cancel and arrival are the hall's commands, asked for once the holder is known.
/// </summary>
public interface ITicketGrain : IGrainWithGuidKey
{
    /// <summary>The ticket, its place and estimate; a wrong or missing token is answered like an unknown ticket.</summary>
    [AlwaysInterleave]
    Task<TicketView> Get(string? token);

    Task<TicketView> Cancel(string? token);

    /// <summary>The holder scanned the hall's presence code (签到).</summary>
    Task<TicketView> Arrive(string? token, string? code);

    /// <summary>The ticket's hall once the holder is known; what the other citizen commands start from.</summary>
    [AlwaysInterleave]
    Task<string> HallOf(string? token);
}
