using Microsoft.EntityFrameworkCore;
using Queue.Silo.Engine;
using Queue.Silo.Floor;
using Queue.Silo.Halls;
using Queue.Silo.Ratings;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Silo.Windows;

/// <summary>
/// The window grain (decision 0090). Not reentrant: a terminal's commands take turns here before they reach the
/// hall, so a double-clicked "call next" is two calls in order, never two at once. It owns the staff session and
/// the live score; the ticket a window serves and its open/closed state stay the hall grain's (dispatch reads
/// them), so no rule needs the two grains to agree.
/// </summary>
public sealed class WindowGrain(HallSnapshots halls, RatingScores scores, IDbContextFactory<QueueDb> dbs, TimeProvider time) : Grain, IWindowGrain
{
    private readonly Dictionary<string, WindowShift> shifts = [];
    private Hall? hall;
    private DateOnly day;
    private ScoreRow? score;
    private bool scoreStale = true;

    private (string HallId, string WindowId) Key => WindowKey.Parse(this.GetPrimaryKeyString());
    private IHallGrain Hall => GrainFactory.GetGrain<IHallGrain>(Key.HallId);

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await LoadShiftsAsync(ct);
        await base.OnActivateAsync(ct);
    }

    public async Task<TicketView?> CallNext(string? staffId)
    {
        var called = await Hall.CallNext(Key.WindowId, staffId);
        await WorkedByAsync(staffId);
        return called;
    }

    public Task<TicketView> Recall() => Hall.Recall(Key.WindowId);
    public Task<TicketView> Start() => Hall.Start(Key.WindowId);

    public async Task<TicketView> Complete(TicketOutcome outcome, string? note)
    {
        var done = await Hall.Complete(Key.WindowId, outcome, note);
        scoreStale = true; // throughput and handling time are part of the score
        return done;
    }

    public async Task<TicketView> CompleteWith(TicketCompletion completion)
    {
        var done = await Hall.CompleteWith(Key.WindowId, completion);
        scoreStale = true;
        return done;
    }

    public Task<TicketView> NoShow() => Hall.NoShow(Key.WindowId);
    public Task<TicketView> Transfer(string serviceId, string? targetWindowId) => Hall.Transfer(Key.WindowId, serviceId, targetWindowId);

    public async Task<WindowView> Open(string? staffId)
    {
        var opened = await Hall.OpenWindow(Key.WindowId, staffId);
        await WorkedByAsync(staffId);
        return opened;
    }

    public Task<WindowView> Close() => Hall.CloseWindow(Key.WindowId);
    public Task<WindowView> Pause() => Hall.PauseWindow(Key.WindowId);
    public Task<WindowView> Resume() => Hall.ResumeWindow(Key.WindowId);
    public Task<WindowView> SetServices(IReadOnlyList<string> serviceIds, string actor) => Hall.SetWindowServices(Key.WindowId, serviceIds, actor);

    public Task Rated(Guid ratingId)
    {
        scoreStale = true;
        return Task.CompletedTask;
    }

    public async Task<WindowWorkday> Today()
    {
        var (hallId, windowId) = Key;
        var snapshot = await halls.SnapshotAsync(hallId);
        var window = snapshot.Detail.Windows.FirstOrDefault(w => w.Id == windowId) ?? throw HallException.NotFound("window", windowId);
        if (await BusinessDayAsync() != day) await LoadShiftsAsync(CancellationToken.None);
        if (scoreStale)
        {
            // Cleared before the read: a rating committed during it marks the score stale again.
            scoreStale = false;
            score = (await scores.ComputeAsync(hallId, day, day, ScoreGrouping.Window)).FirstOrDefault(r => r.Key == windowId);
        }
        return new WindowWorkday(hallId, windowId, day, window.State, window.StaffId, [.. shifts.Values.OrderBy(s => s.From)], WindowDay.Of(snapshot, windowId),
            score?.Rated ?? 0, score?.Satisfied ?? 0, score?.Bad ?? 0, score?.SatisfactionRate, score?.PerformanceScore);
    }

    /// <summary>A staff member acted here: their shift begins or goes on. Kept in storage by the tickets they call.</summary>
    private async Task WorkedByAsync(string? staffId)
    {
        if (staffId is null) return;
        if (await BusinessDayAsync() != day) await LoadShiftsAsync(CancellationToken.None);
        var now = time.GetUtcNow();
        shifts[staffId] = shifts.TryGetValue(staffId, out var shift) ? shift with { To = now }
            : new WindowShift(staffId, await NameOfAsync(staffId), now, now);
    }

    /// <summary>Today's shifts as the stored tickets tell them: who called which ticket here, first and last.</summary>
    private async Task LoadShiftsAsync(CancellationToken ct)
    {
        var (hallId, windowId) = Key;
        day = await BusinessDayAsync();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var worked = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.BusinessDay == day && t.WindowId == windowId && t.StaffId != null && t.CalledAt != null)
            .Select(t => new { t.StaffId, t.CalledAt, t.FinishedAt }).ToListAsync(ct);
        var ids = worked.Select(w => w.StaffId!).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        shifts.Clear();
        foreach (var g in worked.GroupBy(w => w.StaffId!))
            shifts[g.Key] = new WindowShift(g.Key, names.GetValueOrDefault(g.Key, g.Key),
                g.Min(w => w.CalledAt!.Value), g.Max(w => w.FinishedAt ?? w.CalledAt!.Value));
        scoreStale = true;
    }

    /// <summary>The hall's business day now; the hall's time zone is read once per activation.</summary>
    private async Task<DateOnly> BusinessDayAsync()
    {
        if (hall is null)
        {
            await using var db = await dbs.CreateDbContextAsync();
            hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == Key.HallId) ?? throw HallException.NotFound("hall", Key.HallId);
        }
        return hall.BusinessDay(time.GetUtcNow());
    }

    private async Task<string> NameOfAsync(string staffId)
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.Accounts.AsNoTracking().Where(a => a.Id == staffId).Select(a => a.DisplayName).FirstOrDefaultAsync() ?? staffId;
    }
}
