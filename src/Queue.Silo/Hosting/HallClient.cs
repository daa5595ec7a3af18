using Queue.Silo.Engine;
using Queue.Silo.Floor;
using Queue.Silo.Services;
using Queue.Silo.Halls;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.Silo.Hosting;

/// <summary>
/// The commands of design.md §4 as one call each: sent to the hall's grain, answered with the committed view.
/// Reads come from this silo's replicas. The API, the hub and the pages all go through here.
/// </summary>
public sealed class HallClient(IGrainFactory grains, HallSnapshots halls, HallStore store)
{
    public Task<HallSnapshot> SnapshotAsync(string hallId) => halls.SnapshotAsync(hallId);

    /// <summary>The hall's grain, once the hall is known to exist (an unknown id activates nothing).</summary>
    public async Task<IHallGrain> HallAsync(string hallId)
    {
        await halls.EnsureExistsAsync(hallId);
        return grains.GetGrain<IHallGrain>(hallId);
    }

    public async Task<IssuedTicket> IssueTicketAsync(string hallId, string serviceId, TicketChannel channel, TicketPriority priority = TicketPriority.Normal)
    {
        var token = TicketToken.New();
        var ticket = await (await HallAsync(hallId)).IssueTicket(serviceId, channel, priority, TicketToken.Hash(token));
        return new IssuedTicket(ticket, token);
    }

    /// <summary>
    /// Calls the next ticket at a window; null when nobody the window may serve is waiting. <paramref name="staffId"/>
    /// is the staff member calling at the window (who then works it), null for a manager or a simulation.
    /// </summary>
    public async Task<TicketView?> CallNextAsync(string hallId, string windowId, string? staffId = null) =>
        await (await WindowAsync(hallId, windowId)).CallNext(staffId);

    public async Task<TicketView> RecallAsync(string hallId, string windowId) => await (await WindowAsync(hallId, windowId)).Recall();

    public async Task<TicketView> StartAsync(string hallId, string windowId) => await (await WindowAsync(hallId, windowId)).Start();

    public async Task<TicketView> CompleteAsync(string hallId, string windowId, TicketOutcome outcome, string? note) =>
        await (await WindowAsync(hallId, windowId)).Complete(outcome, note);

    public async Task<TicketView> NoShowAsync(string hallId, string windowId) => await (await WindowAsync(hallId, windowId)).NoShow();

    public async Task<TicketView> TransferAsync(string hallId, string windowId, string serviceId, string? targetWindowId) =>
        await (await WindowAsync(hallId, windowId)).Transfer(serviceId, targetWindowId);

    public async Task<TicketView> CancelAsync(Guid ticketId, string? token) => await grains.GetGrain<ITicketGrain>(ticketId).Cancel(token);

    public async Task<WindowView> OpenWindowAsync(string hallId, string windowId, string? staffId) => await (await WindowAsync(hallId, windowId)).Open(staffId);
    public async Task<WindowView> CloseWindowAsync(string hallId, string windowId) => await (await WindowAsync(hallId, windowId)).Close();
    public async Task<WindowView> PauseWindowAsync(string hallId, string windowId) => await (await WindowAsync(hallId, windowId)).Pause();
    public async Task<WindowView> ResumeWindowAsync(string hallId, string windowId) => await (await WindowAsync(hallId, windowId)).Resume();

    public async Task<WindowView> SetWindowServicesAsync(string hallId, string windowId, IReadOnlyCollection<string> serviceIds, string actor) =>
        await (await WindowAsync(hallId, windowId)).SetServices([.. serviceIds], actor);

    // An administrator's change names its actor: the hall commits the audit entry with the change.
    public async Task<HallDetail> ConfigureHallAsync(string hallId, HallProfile profile, string actor) => await (await HallAsync(hallId)).Configure(profile, actor);
    public async Task<HallDetail> AddServiceAsync(string hallId, string serviceId, ServiceDraft draft, string actor) => await (await HallAsync(hallId)).AddService(serviceId, draft, actor);
    public async Task<HallDetail> UpdateServiceAsync(string hallId, string serviceId, ServiceDraft draft, string actor) => await (await HallAsync(hallId)).UpdateService(serviceId, draft, actor);
    public async Task<HallDetail> RemoveServiceAsync(string hallId, string serviceId, string actor) => await (await HallAsync(hallId)).RemoveService(serviceId, actor);

    public async Task<CatalogImported> ImportServicesAsync(string hallId, IReadOnlyList<ServiceDraft> rows, string actor, string file) =>
        await (await HallAsync(hallId)).ImportServices(rows, actor, file);

    public async Task<HallDetail> AddWindowAsync(string hallId, string windowId, int number, string name, string? nameEn, IReadOnlyCollection<string> serviceIds, string actor) =>
        await (await HallAsync(hallId)).AddWindow(windowId, number, name, nameEn, [.. serviceIds], actor);

    public async Task<HallDetail> UpdateWindowAsync(string hallId, string windowId, int number, string name, string? nameEn, IReadOnlyCollection<string> serviceIds, string actor) =>
        await (await HallAsync(hallId)).UpdateWindow(windowId, number, name, nameEn, [.. serviceIds], actor);

    public async Task<HallDetail> RemoveWindowAsync(string hallId, string windowId, string actor) => await (await HallAsync(hallId)).RemoveWindow(windowId, actor);

    /// <summary>The window's day: who worked it, what it handled, its score so far.</summary>
    public async Task<WindowWorkday> WorkdayAsync(string hallId, string windowId) => await (await WindowAsync(hallId, windowId)).Today();

    /// <summary>A window's grain, once its hall is known to exist and the window is one of the hall's.</summary>
    public async Task<IWindowGrain> WindowAsync(string hallId, string windowId)
    {
        var snapshot = await halls.SnapshotAsync(hallId);
        if (snapshot.Detail.Windows.All(w => w.Id != windowId) && (await halls.FreshSnapshotAsync(hallId)).Detail.Windows.All(w => w.Id != windowId))
            throw HallException.NotFound("window", windowId);
        return grains.GetGrain<IWindowGrain>(WindowKey.Of(hallId, windowId));
    }

    /// <summary>The ticket as its holder sees it, through the ticket's grain; a wrong or missing token is answered like an unknown ticket.</summary>
    public Task<TicketView> GetTicketAsync(Guid ticketId, string? token) => grains.GetGrain<ITicketGrain>(ticketId).Get(token);

    /// <summary>The ticket of <paramref name="hallId"/> as this silo's replica has it, else as stored. The ticket grain checked the holder.</summary>
    internal async Task<TicketView> ReadTicketAsync(Guid ticketId, string hallId)
    {
        var snap = await halls.SnapshotAsync(hallId);
        if (snap.Tickets.TryGetValue(ticketId, out var view)) return view;
        // Issued through another silo a moment ago, or from an earlier day: catch up, else read it from storage.
        if ((await halls.FreshSnapshotAsync(hallId)).Tickets.TryGetValue(ticketId, out view)) return view;
        var stored = await store.FindTicketAsync(ticketId, CancellationToken.None) ?? throw HallException.NotFound("ticket", ticketId.ToString());
        var service = snap.Detail.Services.FirstOrDefault(s => s.Id == stored.ServiceId);
        var window = snap.Detail.Windows.FirstOrDefault(w => w.Id == stored.WindowId);
        return new TicketView(stored.Id, stored.HallId, stored.ServiceId, service?.Name ?? stored.ServiceId, stored.Number, stored.Status, null, null, null,
            window?.Number, window?.Name, stored.Channel, stored.Priority, stored.IssuedAt, stored.CalledAt, stored.Outcome, stored.OutcomeNote, stored.RecallCount)
            { ArrivedAt = stored.ArrivedAt, BookingId = stored.BookingId }.WithFloorDetails(stored);
    }

    /// <summary>The ticket's hall and its holder's token hash, once the token matches (404 otherwise).</summary>
    internal async Task<(string HallId, string TokenHash)> FindHolderHashAsync(Guid ticketId, string? token)
    {
        foreach (var snapshot in halls.Loaded)
        {
            if (!snapshot.Tickets.TryGetValue(ticketId, out var view)) continue;
            if (!TicketToken.Matches(token, view.TokenHash)) throw HallException.NotFound("ticket", ticketId.ToString());
            return (snapshot.Detail.Id, view.TokenHash);
        }
        var (hallId, stored) = await FindHolderAsync(ticketId, token);
        return (hallId, stored.TokenHash);
    }

    /// <summary>Checks the holder's token; answers not-found for a wrong token so ids cannot be probed.</summary>
    public async Task<(string HallId, Ticket Stored)> FindHolderAsync(Guid ticketId, string? token)
    {
        var stored = await store.FindTicketAsync(ticketId, CancellationToken.None);
        if (stored is null || !TicketToken.Matches(token, stored.TokenHash)) throw HallException.NotFound("ticket", ticketId.ToString());
        return (stored.HallId, stored);
    }
}

/// <summary>A freshly issued ticket and its holder's secret, shown once.</summary>
public sealed record IssuedTicket(TicketView Ticket, string Token);
