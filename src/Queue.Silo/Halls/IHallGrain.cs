using Queue.Silo.Floor;
using Queue.Silo.Services;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Silo.Halls;

/// <summary>
/// The hall (key: hall id): the one writer of numbering, the waiting lines, dispatch and the board
/// (decision 0084). Every command answers once its change is durable; a refusal (<c>HallException</c>)
/// changes nothing.
/// </summary>
public interface IHallGrain : IGrainWithStringKey
{
    Task<TicketView> IssueTicket(string serviceId, TicketChannel channel, TicketPriority priority, string tokenHash);
    Task<TicketView> IssueRemoteTicket(string serviceId, string deviceHash, string tokenHash);
    Task<TicketView> IssueBookingTicket(Guid bookingId, string serviceId, string tokenHash);
    Task<TicketView> Arrive(Guid ticketId);
    Task<TicketView> Cancel(Guid ticketId, string reason);
    Task<TicketView> ReEnter(Guid originalId, bool returnedBefore, string tokenHash);

    /// <summary>The next ticket the window may serve, or null when none waits.</summary>
    Task<TicketView?> CallNext(string windowId, string? staffId);
    Task<TicketView> Recall(string windowId);
    Task<TicketView> Start(string windowId);
    Task<TicketView> Complete(string windowId, TicketOutcome outcome, string? note);
    Task<TicketView> CompleteWith(string windowId, TicketCompletion completion);
    Task<TicketView> NoShow(string windowId);
    Task<TicketView> Transfer(string windowId, string serviceId, string? targetWindowId);

    Task<WindowView> OpenWindow(string windowId, string? staffId);
    Task<WindowView> CloseWindow(string windowId);
    Task<WindowView> PauseWindow(string windowId);
    Task<WindowView> ResumeWindow(string windowId);
    Task<WindowView> SetWindowServices(string windowId, IReadOnlyList<string> serviceIds, string actor);
    Task<IReadOnlyList<string>> SetNotices(string text);

    // The administrator's changes (issue 15): answered with the hall's detail as committed; the audit entry by
    // actor is committed with the change.
    Task<HallDetail> Configure(HallProfile profile, string actor);
    Task<HallDetail> AddService(string serviceId, ServiceDraft draft, string actor);
    Task<HallDetail> UpdateService(string serviceId, ServiceDraft draft, string actor);
    Task<HallDetail> RemoveService(string serviceId, string actor);
    Task<CatalogImported> ImportServices(IReadOnlyList<ServiceDraft> rows, string actor, string file);
    Task<HallDetail> AddWindow(string windowId, int number, string name, string? nameEn, IReadOnlyList<string> serviceIds, string actor);
    Task<HallDetail> UpdateWindow(string windowId, int number, string name, string? nameEn, IReadOnlyList<string> serviceIds, string actor);
    Task<HallDetail> RemoveWindow(string windowId, string actor);

    /// <summary>
    /// Registers (or renews) a silo's read replicas for this hall's commits and answers the whole picture
    /// unless the silo already has <paramref name="knownSeq"/>. Served between the writer's awaits: a reader
    /// never waits for a commit.
    /// </summary>
    [AlwaysInterleave]
    Task<HallPicture?> Watch(string siloId, IHallWatcher watcher, long knownSeq);
}
