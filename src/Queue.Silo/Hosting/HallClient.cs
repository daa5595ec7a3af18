using Queue.Silo.Floor;
using Queue.Silo.Engine;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.Silo.Hosting;

/// <summary>
/// The commands of design.md §4 as one call each: routes them to the hall's writer and answers with the
/// committed view. The API, the hub and the pages all go through here.
/// </summary>
public sealed class HallClient(HallRegistry halls, HallStore store)
{
    public Task<HallSnapshot> SnapshotAsync(string hallId) => halls.SnapshotAsync(hallId);

    public async Task<IssuedTicket> IssueTicketAsync(string hallId, string serviceId, TicketChannel channel, TicketPriority priority = TicketPriority.Normal)
    {
        var token = TicketToken.New();
        var hash = TicketToken.Hash(token);
        var (grain, id) = await RunAsync(hallId, (s, c) => s.IssueTicket(serviceId, channel, priority, hash, c).Id);
        return new IssuedTicket(TicketOf(grain, id), token);
    }

    /// <summary>
    /// Calls the next ticket at a window; null when nobody the window may serve is waiting. <paramref name="staffId"/>
    /// is the staff member calling at the window (who then works it), null for a manager or a simulation.
    /// </summary>
    public async Task<TicketView?> CallNextAsync(string hallId, string windowId, string? staffId = null)
    {
        var (grain, id) = await RunAsync(hallId, (s, c) => s.CallNext(windowId, c, staffId)?.Id);
        return id is { } ticketId ? TicketOf(grain, ticketId) : null;
    }

    public Task<TicketView> RecallAsync(string hallId, string windowId) => TicketCommand(hallId, (s, c) => s.Recall(windowId, c));

    public Task<TicketView> StartAsync(string hallId, string windowId) => TicketCommand(hallId, (s, c) => s.Start(windowId, c));

    public Task<TicketView> CompleteAsync(string hallId, string windowId, TicketOutcome outcome, string? note) =>
        TicketCommand(hallId, (s, c) => s.Complete(windowId, outcome, note, c));

    public Task<TicketView> NoShowAsync(string hallId, string windowId) => TicketCommand(hallId, (s, c) => s.NoShow(windowId, c));

    public Task<TicketView> TransferAsync(string hallId, string windowId, string serviceId, string? targetWindowId) =>
        TicketCommand(hallId, (s, c) => s.Transfer(windowId, serviceId, targetWindowId, c));

    public async Task<TicketView> CancelAsync(Guid ticketId, string? token)
    {
        var hallId = await FindHallOfHolderAsync(ticketId, token);
        return await TicketCommand(hallId, (s, c) => s.Cancel(ticketId, "holder", c));
    }

    public Task<WindowView> OpenWindowAsync(string hallId, string windowId, string? staffId) => WindowCommand(hallId, windowId, (s, c) => s.OpenWindow(windowId, staffId, c));
    public Task<WindowView> CloseWindowAsync(string hallId, string windowId) => WindowCommand(hallId, windowId, (s, c) => s.CloseWindow(windowId, c));
    public Task<WindowView> PauseWindowAsync(string hallId, string windowId) => WindowCommand(hallId, windowId, (s, c) => s.PauseWindow(windowId, c));
    public Task<WindowView> ResumeWindowAsync(string hallId, string windowId) => WindowCommand(hallId, windowId, (s, c) => s.ResumeWindow(windowId, c));

    public Task<WindowView> SetWindowServicesAsync(string hallId, string windowId, IReadOnlyCollection<string> serviceIds) =>
        WindowCommand(hallId, windowId, (s, c) => s.SetWindowServices(windowId, serviceIds, c));

    /// <summary>The ticket as its holder sees it; a wrong or missing token is answered like an unknown ticket.</summary>
    public async Task<TicketView> GetTicketAsync(Guid ticketId, string? token)
    {
        var hallId = await FindHallOfHolderAsync(ticketId, token);
        var grain = await halls.GetAsync(hallId);
        var snap = await grain.GetSnapshotAsync();
        if (snap.Tickets.TryGetValue(ticketId, out var view)) return view;
        // Issued through another node a moment ago, or from an earlier day: catch up, else read it from storage.
        await grain.RefreshAsync();
        if (grain.Snapshot?.Tickets.TryGetValue(ticketId, out view) == true) return view!;
        var stored = await store.FindTicketAsync(ticketId, CancellationToken.None) ?? throw HallException.NotFound("ticket", ticketId.ToString());
        var service = snap.Detail.Services.FirstOrDefault(s => s.Id == stored.ServiceId);
        var window = snap.Detail.Windows.FirstOrDefault(w => w.Id == stored.WindowId);
        return new TicketView(stored.Id, stored.HallId, stored.ServiceId, service?.Name ?? stored.ServiceId, stored.Number, stored.Status, null, null, null,
            window?.Number, window?.Name, stored.Channel, stored.Priority, stored.IssuedAt, stored.CalledAt, stored.Outcome, stored.OutcomeNote, stored.RecallCount)
            { ArrivedAt = stored.ArrivedAt, BookingId = stored.BookingId }.WithFloorDetails(stored);
    }

    /// <summary>
    /// The hall of a ticket whose holder presents <paramref name="token"/>: from this node's hall snapshots when
    /// the ticket is in one (a ticket's hall and secret never change), else from storage. 404 for a wrong token.
    /// A phone's check-in did this database read on every request, an eighth of the server's CPU at 1,000 tickets/s.
    /// </summary>
    public async Task<string> FindHallOfHolderAsync(Guid ticketId, string? token)
    {
        foreach (var grain in halls.Active)
        {
            if (grain.Snapshot?.Tickets.TryGetValue(ticketId, out var view) != true) continue;
            if (!TicketToken.Matches(token, view!.TokenHash)) throw HallException.NotFound("ticket", ticketId.ToString());
            return grain.HallId;
        }
        return (await FindHolderAsync(ticketId, token)).HallId;
    }

    /// <summary>Checks the holder's token; answers not-found for a wrong token so ids cannot be probed.</summary>
    public async Task<(string HallId, Ticket Stored)> FindHolderAsync(Guid ticketId, string? token)
    {
        var stored = await store.FindTicketAsync(ticketId, CancellationToken.None);
        if (stored is null || !TicketToken.Matches(token, stored.TokenHash)) throw HallException.NotFound("ticket", ticketId.ToString());
        return (stored.HallId, stored);
    }

    private async Task<TicketView> TicketCommand(string hallId, Func<HallState, HallChanges, Ticket> command)
    {
        var (grain, id) = await RunAsync(hallId, (s, c) => command(s, c).Id);
        return TicketOf(grain, id);
    }

    private async Task<WindowView> WindowCommand(string hallId, string windowId, Func<HallState, HallChanges, HallWindow> command)
    {
        var (grain, _) = await RunAsync(hallId, (s, c) => command(s, c).Id);
        return grain.Snapshot!.Detail.Windows.First(w => w.Id == windowId);
    }

    private async Task<(HallGrain Grain, T Result)> RunAsync<T>(string hallId, Func<HallState, HallChanges, T> command)
    {
        var grain = await halls.GetAsync(hallId);
        var result = await grain.ExecuteAsync(command);
        return (grain, result);
    }

    private static TicketView TicketOf(HallGrain grain, Guid id) => grain.Snapshot!.Tickets[id];
}

/// <summary>A freshly issued ticket and its holder's secret, shown once.</summary>
public sealed record IssuedTicket(TicketView Ticket, string Token);
