using Queue.Silo.Floor;
using Queue.Silo.Engine;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Views;

/// <summary>
/// An immutable picture of a hall after a committed batch. Readers (API, hub, pages) use it without
/// locks; the writer replaces it after every commit.
/// </summary>
public sealed class HallSnapshot
{
    private const int RecentCallCount = 10;

    private HallSnapshot(long seq, HallDetail detail, Board board, IReadOnlyDictionary<Guid, TicketView> tickets)
    {
        Seq = seq;
        Detail = detail;
        Board = board;
        Tickets = tickets;
    }

    public long Seq { get; }
    public HallDetail Detail { get; }
    public Board Board { get; }

    /// <summary>Today's tickets (and any still active), by id.</summary>
    public IReadOnlyDictionary<Guid, TicketView> Tickets { get; }

    public HallSummary Summary => new(Detail.Id, Detail.Name, Detail.Level, Detail.ParentId,
        Board.Waiting.Sum(q => q.Count), Board.Waiting.Count == 0 ? 0 : Board.Waiting.Max(q => q.EstimatedWaitMinutes));

    public static HallSnapshot Of(HallState state, DateTimeOffset now)
    {
        var hall = state.Hall;
        var services = state.Services.OrderBy(s => s.SortOrder).ThenBy(s => s.Prefix).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var numbers = state.Tickets.ToDictionary(t => t.Id, t => t.Number);
        var windows = state.Windows.OrderBy(w => w.Number).Select(w => new WindowView(w.Id, w.HallId, w.Number, w.Name, w.ServiceIds.ToList(), w.State,
            w.CurrentTicketId, w.CurrentTicketId is { } c && numbers.TryGetValue(c, out var n) ? n : null, w.StaffId)).ToList();
        var detail = new HallDetail(hall.Id, hall.Name, hall.Level, hall.ParentId, hall.RegionCode, hall.Address, hall.Settings,
            services.Select(s => new ServiceView(s.Id, s.Name, s.Category, s.Prefix, s.Bookable, s.NormMinutes, s.Guide)).ToList(), windows);

        var estimates = state.Predictor.EstimateWaiting(state, now);
        var positions = Positions(state);
        var windowById = state.Windows.ToDictionary(w => w.Id);
        var serviceById = services.ToDictionary(s => s.Id);
        var tickets = new Dictionary<Guid, TicketView>(state.Tickets.Count);
        foreach (var t in state.Tickets)
        {
            var w = t.WindowId is { } wid && t.Status != TicketStatus.Waiting ? windowById.GetValueOrDefault(wid) : null;
            int? pos = positions.TryGetValue(t.Id, out var p) ? p : null;
            int? eta = estimates.TryGetValue(t.Id, out var e) ? (int)Math.Ceiling(e) : null;
            tickets[t.Id] = new TicketView(t.Id, t.HallId, t.ServiceId, serviceById.GetValueOrDefault(t.ServiceId)?.Name ?? t.ServiceId, t.Number, t.Status,
                pos, pos - 1, eta, w?.Number, w?.Name, t.Channel, t.Priority, t.IssuedAt, t.CalledAt, t.Outcome, t.OutcomeNote, t.RecallCount)
                { ArrivedAt = t.ArrivedAt, BookingId = t.BookingId }.WithFloorDetails(t);
        }

        var recent = state.Tickets.Where(t => t.CalledAt is not null && t.WindowId is not null && t.Status is TicketStatus.Called or TicketStatus.Serving or TicketStatus.Done or TicketStatus.NoShow)
            .OrderByDescending(t => t.CalledAt).Take(RecentCallCount)
            .Select(t => windowById.TryGetValue(t.WindowId!, out var w) ? new RecentCall(t.Number, w.Number, w.Name, t.CalledAt!.Value) : null)
            .OfType<RecentCall>().ToList();
        var waitingByService = state.WaitingTickets.GroupBy(t => t.ServiceId).ToDictionary(g => g.Key, g => g.Count());
        var queues = services.Select(s => new ServiceQueue(s.Id, s.Name, s.Category, waitingByService.GetValueOrDefault(s.Id),
            (int)Math.Ceiling(state.Predictor.EstimateNew(state, s.Id, now)))).ToList();
        var boardWindows = windows.Select(w => new BoardWindow(w.Id, w.Number, w.Name, w.State, w.TicketNumber)
            { TicketStatus = w.CurrentTicketId is { } cur ? state.FindTicket(cur)?.Status : null }).ToList();
        var board = new Board(hall.Id, hall.Seq, recent, queues, boardWindows) { Notices = HallNotices.Lines(hall.Notices) };
        return new HallSnapshot(hall.Seq, detail, board, tickets);
    }

    /// <summary>1-based place among the tickets waiting for the same service, priority tickets first.</summary>
    private static Dictionary<Guid, int> Positions(HallState state)
    {
        var result = new Dictionary<Guid, int>();
        foreach (var group in state.WaitingTickets.GroupBy(t => t.ServiceId))
        {
            var place = 1;
            foreach (var t in group.OrderBy(t => t.Priority == TicketPriority.Normal).ThenBy(t => t.QueuedAt).ThenBy(t => t.Number, StringComparer.Ordinal))
                result[t.Id] = place++;
        }
        return result;
    }

}
