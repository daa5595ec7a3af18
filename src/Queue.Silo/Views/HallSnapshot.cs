using Queue.Silo.Dispatch;
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

    private readonly Dictionary<Guid, TicketView> ticketMap;

    // The waiting tickets of each service in line order, kept for the writer's next snapshot (never read elsewhere).
    private readonly Dictionary<string, List<Ticket>> lines;

    // Scratch for the writer's next snapshot: places of the waiting tickets when this one was built, and how many
    // present (checked-in) tickets stood ahead of each. Not part of the picture.
    private readonly Dictionary<Guid, Place> positions;

    // The estimates this snapshot's views were built from, to tell whether the next batch's differ.
    private readonly IReadOnlyDictionary<Guid, double> estimates;

    private HallSnapshot(long seq, HallDetail detail, Board board, Dictionary<Guid, TicketView> tickets, Dictionary<string, List<Ticket>> lines,
        Dictionary<Guid, Place> positions, IReadOnlyDictionary<Guid, double> estimates)
    {
        ticketMap = tickets;
        this.lines = lines;
        this.positions = positions;
        this.estimates = estimates;
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
        Board.Waiting.Sum(q => q.Count), Board.Waiting.Max(q => q.EstimatedWaitMinutes))
        {
            OpenWindows = Detail.Windows.Count(w => w.Attended),
            UnservedWaiting = Board.Waiting.Where(q => q.OpenWindows == 0).Sum(q => q.Count),
        };

    /// <summary>
    /// Builds the picture after a batch. With the previous snapshot and the ids of the tickets the batch
    /// touched, only those and the waiting tickets (whose place and estimate move) get new views; every
    /// other ticket keeps its view from before. A day's finished tickets grow into the thousands, and
    /// rebuilding all of them after every batch made the writer's cost grow with the day (decision 0070).
    /// </summary>
    public static HallSnapshot Of(HallState state, DateTimeOffset now, HallSnapshot? previous = null, IReadOnlySet<Guid>? touched = null)
    {
        var hall = state.Hall;
        var services = state.Services.OrderBy(s => s.SortOrder).ThenBy(s => s.Prefix).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var windows = state.Windows.OrderBy(w => w.Number).Select(w => new WindowView(w.Id, w.HallId, w.Number, w.Name, w.ServiceIds.ToList(), w.State,
            w.CurrentTicketId, w.CurrentTicketId is { } c ? state.FindTicket(c)?.Number : null, w.StaffId) { NameEn = w.NameEn, Attended = w.Attended }).ToList();
        var detail = new HallDetail(hall.Id, hall.Name, hall.Level, hall.ParentId, hall.RegionCode, hall.Address, hall.Settings,
            services.Select(s => new ServiceView(s.Id, s.Name, s.Category, s.Prefix, s.Bookable, s.NormMinutes, s.Guide) { NameEn = s.NameEn, CategoryEn = s.CategoryEn }).ToList(), windows);

        var estimates = state.Predictor.EstimateWaiting(state, now);
        var (lines, moved) = Lines(state, previous is not null && touched is not null ? previous.lines : null, touched);
        // The previous snapshot's place table is refilled rather than reallocated: at 20,000 waiting it is half a
        // megabyte on the large-object heap per batch, and those allocations drove a gen-2 collection every few batches.
        var positions = Positions(lines, previous is not null && touched is not null ? previous.positions : null);
        var windowById = state.Windows.ToDictionary(w => w.Id);
        var serviceById = services.ToDictionary(s => s.Id);
        Place? Position(Ticket t) => positions.TryGetValue(t.Id, out var p) ? p : null;
        int? Eta(Ticket t) => estimates.TryGetValue(t.Id, out var e) ? (int)Math.Ceiling(e) : null;
        TicketView ViewOf(Ticket t) => ViewAt(t, Position(t), Eta(t));
        TicketView ViewAt(Ticket t, Place? pos, int? eta)
        {
            var w = t.WindowId is { } wid && t.Status != TicketStatus.Waiting ? windowById.GetValueOrDefault(wid) : null;
            return new TicketView(t.Id, t.HallId, t.ServiceId, serviceById.GetValueOrDefault(t.ServiceId)?.Name ?? t.ServiceId, t.Number, t.Status,
                pos?.InLine, pos?.PresentAhead, eta, w?.Number, w?.Name, t.Channel, t.Priority, t.IssuedAt, t.CalledAt, t.Outcome, t.OutcomeNote, t.RecallCount)
                { ArrivedAt = t.ArrivedAt, BookingId = t.BookingId, TokenHash = t.TokenHash, LineFrom = PriorityHeadStart.EffectiveQueuedAt(t) }.WithFloorDetails(t);
        }

        Dictionary<Guid, TicketView> tickets;
        // Even when most of the day's tickets wait, a batch that only issues tickets moves nobody's place or
        // estimate: keeping unchanged views beats building thousands of new ones after every batch.
        if (previous is not null && touched is not null && SameNames(previous.Detail, detail))
        {
            // Copying a dictionary is a block copy of its arrays, far cheaper than building thousands of views;
            // the previous snapshot's dictionary is never written, so readers of it are unaffected.
            var builder = new Dictionary<Guid, TicketView>(previous.ticketMap);
            // Tickets that were waiting before and are not any more were touched by the command that moved them.
            void Refresh(Ticket t, Place? pos)
            {
                // A waiting ticket whose place and estimate did not move keeps its view (the usual case when tickets are only issued).
                var eta = Eta(t);
                if (builder.TryGetValue(t.Id, out var kept) && kept.Position == pos?.InLine && kept.PeopleAhead == pos?.PresentAhead &&
                    kept.EstimatedWaitMinutes == eta && !touched.Contains(t.Id)) return;
                builder[t.Id] = ViewAt(t, pos, eta);
            }
            if (moved is not null && SameEstimates(previous.estimates, estimates))
            {
                // Same estimates as last time: only places can have moved, and only from where each line first changed
                // (a call moves its line from the head, an issue only adds at the tail). Decision 0073.
                foreach (var (serviceId, list) in lines)
                    for (var i = moved.GetValueOrDefault(serviceId); i < list.Count; i++) Refresh(list[i], positions[list[i].Id]);
            }
            else
            {
                foreach (var t in state.WaitingTickets) Refresh(t, Position(t));
            }
            foreach (var id in touched)
            {
                if (state.FindTicket(id) is { } t) builder[id] = ViewOf(t);
            }
            tickets = builder.Count == state.Tickets.Count ? builder : Full();
        }
        else tickets = Full();

        Dictionary<Guid, TicketView> Full() => state.Tickets.ToDictionary(t => t.Id, ViewOf);

        var recent = RecentCalls(state, windowById);
        var queues = services.Select(s => new ServiceQueue(s.Id, s.Name, s.Category, lines.TryGetValue(s.Id, out var line) ? line.Count : 0,
            state.Predictor.EstimateNew(state, s.Id, now) is { } minutes ? (int)Math.Ceiling(minutes) : null)
            {
                ServiceNameEn = s.NameEn,
                CategoryEn = s.CategoryEn,
                OpenWindows = state.Windows.Count(w => w.Serves(s.Id) && w.Attended),
                PausedWindows = state.Windows.Count(w => w.Serves(s.Id) && w.State == WindowState.Paused),
            }).ToList();
        var callOrders = state.Dispatch is EngineDispatch dispatch ? dispatch.CallOrders(state, lines, now, WindowDesk.Ordered) : null;
        var boardWindows = windows.Select(w => new BoardWindow(w.Id, w.Number, w.Name, w.State, w.TicketNumber)
        {
            NameEn = w.NameEn,
            Attended = w.Attended,
            TicketStatus = w.CurrentTicketId is { } cur ? state.FindTicket(cur)?.Status : null,
            CallOrder = callOrders?.GetValueOrDefault(w.Id)?.Select(t => t.Id).ToList() ?? [],
        }).ToList();
        var board = new Board(hall.Id, hall.Seq, recent, queues, boardWindows) { Notices = HallNotices.Lines(hall.Notices) };
        return new HallSnapshot(hall.Seq, detail, board, tickets, lines, positions, estimates);
    }

    /// <summary>The picture as it travels to another silo: what readers see, without the writer's scratch.</summary>
    public HallPicture ToPicture() => new(Seq, Detail, Board, [.. ticketMap.Values]);

    /// <summary>What changed from <paramref name="before"/> to this snapshot. Kept views are the same objects, so a reference check finds the rest.</summary>
    public HallDelta DeltaFrom(HallSnapshot before, IReadOnlyList<HallEvent> events)
    {
        var changed = new List<TicketView>();
        foreach (var (id, view) in ticketMap)
            if (!before.ticketMap.TryGetValue(id, out var old) || !ReferenceEquals(old, view)) changed.Add(view);
        var removed = before.ticketMap.Keys.Where(id => !ticketMap.ContainsKey(id)).ToList();
        return new HallDelta(Detail.Id, before.Seq, Seq, Detail, Board, changed, removed, events);
    }

    /// <summary>A read replica on another silo: readers only, never the base of the writer's next snapshot.</summary>
    public static HallSnapshot Of(HallPicture picture) =>
        new(picture.Seq, picture.Detail, picture.Board, picture.Tickets.ToDictionary(t => t.Id), [], [], EmptyEstimates);

    /// <summary>This replica with a delta applied (<see cref="HallDelta.FromSeq"/> must be this snapshot's sequence).</summary>
    public HallSnapshot With(HallDelta delta)
    {
        var tickets = new Dictionary<Guid, TicketView>(ticketMap);
        foreach (var id in delta.Removed) tickets.Remove(id);
        foreach (var view in delta.Changed) tickets[view.Id] = view;
        return new HallSnapshot(delta.Seq, delta.Detail, delta.Board, tickets, [], [], EmptyEstimates);
    }

    private static readonly IReadOnlyDictionary<Guid, double> EmptyEstimates = new Dictionary<Guid, double>();

    /// <summary>The last calls, newest first: one pass over the day's tickets keeping the latest few, instead of sorting them all.</summary>
    private static List<RecentCall> RecentCalls(HallState state, Dictionary<string, HallWindow> windowById)
    {
        var latest = new List<Ticket>(RecentCallCount + 1);
        foreach (var t in state.Tickets)
        {
            if (t.CalledAt is not { } at || t.WindowId is null || t.Status is not (TicketStatus.Called or TicketStatus.Serving or TicketStatus.Done or TicketStatus.NoShow)) continue;
            if (latest.Count == RecentCallCount && at <= latest[^1].CalledAt!.Value) continue;
            var i = latest.FindIndex(x => x.CalledAt!.Value < at);
            latest.Insert(i < 0 ? latest.Count : i, t);
            if (latest.Count > RecentCallCount) latest.RemoveAt(latest.Count - 1);
        }
        return latest.Select(t => windowById.TryGetValue(t.WindowId!, out var w) ? new RecentCall(t.Number, w.Number, w.Name, t.CalledAt!.Value) : null)
            .OfType<RecentCall>().ToList();
    }

    /// <summary>Whether every window and service is named and numbered as before, so kept ticket views are still right.</summary>
    private static bool SameNames(HallDetail before, HallDetail after) =>
        before.Windows.Count == after.Windows.Count && before.Services.Count == after.Services.Count &&
        before.Windows.Zip(after.Windows).All(p => p.First.Id == p.Second.Id && p.First.Number == p.Second.Number && p.First.Name == p.Second.Name) &&
        before.Services.Zip(after.Services).All(p => p.First.Id == p.Second.Id && p.First.Name == p.Second.Name);

    /// <summary>
    /// A waiting ticket's 1-based place in its service's line, and the tickets ahead of it whose holders are in
    /// the hall: a phone ticket not yet checked in is passed over by every window (HallState.MayCall), so it
    /// keeps a place but does not delay anyone — "前面还有 N 人" counts the people who will be called first.
    /// </summary>
    private readonly record struct Place(int InLine, int PresentAhead);

    private static Dictionary<Guid, Place> Positions(Dictionary<string, List<Ticket>> lines, Dictionary<Guid, Place>? reuse)
    {
        var result = reuse ?? [];
        result.Clear();
        foreach (var list in lines.Values)
        {
            var present = 0;
            for (var i = 0; i < list.Count; i++)
            {
                result[list[i].Id] = new Place(i + 1, present);
                if (list[i].ArrivedAt is not null) present++;
            }
        }
        return result;
    }

    /// <summary>
    /// Each service's waiting tickets in line order. From the previous snapshot's lines: drop the tickets the
    /// batch touched or that no longer wait, then put the touched waiting tickets back in their places — new
    /// tickets queue last, so that is an append. Sorting every line after every batch was the largest part of
    /// the snapshot at 20,000 waiting (decision 0073). Untouched tickets keep their order because nothing that
    /// orders them changed; the result is still checked (counts and order, O(waiting)) and sorted afresh if off.
    /// </summary>
    /// <returns>The lines, and per service the first index whose ticket differs from before (null: all may have moved).</returns>
    private static (Dictionary<string, List<Ticket>> Lines, Dictionary<string, int>? Moved) Lines(HallState state, Dictionary<string, List<Ticket>>? before,
        IReadOnlySet<Guid>? touched)
    {
        if (before is not null && touched is not null)
        {
            var lines = new Dictionary<string, List<Ticket>>(before.Count);
            foreach (var (serviceId, list) in before)
            {
                var kept = new List<Ticket>(list.Count + 8);
                foreach (var t in list)
                    if (t.Status == TicketStatus.Waiting && t.ServiceId == serviceId && !touched.Contains(t.Id)) kept.Add(t);
                lines[serviceId] = kept;
            }
            var back = new List<Ticket>();
            foreach (var id in touched)
                if (state.FindTicket(id) is { Status: TicketStatus.Waiting } t) back.Add(t);
            back.Sort(InLine);
            foreach (var t in back)
            {
                if (!lines.TryGetValue(t.ServiceId, out var list)) lines[t.ServiceId] = list = [];
                if (list.Count == 0 || InLine(list[^1], t) < 0) list.Add(t);
                else
                {
                    var at = list.BinarySearch(t, Comparer<Ticket>.Create(InLine));
                    list.Insert(at < 0 ? ~at : at, t);
                }
            }
            if (InOrder(lines, state.WaitingTickets.Count)) return (lines, FirstChanges(before, lines, touched));
            Interlocked.Increment(ref LinesResorted);
        }
        var fresh = new Dictionary<string, List<Ticket>>();
        foreach (var t in state.WaitingTickets)
        {
            if (!fresh.TryGetValue(t.ServiceId, out var list)) fresh[t.ServiceId] = list = [];
            list.Add(t);
        }
        foreach (var list in fresh.Values) list.Sort(InLine);
        return (fresh, null);
    }

    /// <summary>
    /// Per service, the first place whose ticket is another than before or was touched by the batch: a holder who
    /// checks in stays in place, but everyone behind now has one more present ahead (Positions).
    /// </summary>
    private static Dictionary<string, int> FirstChanges(Dictionary<string, List<Ticket>> before, Dictionary<string, List<Ticket>> after, IReadOnlySet<Guid> touched)
    {
        var result = new Dictionary<string, int>(after.Count);
        foreach (var (serviceId, list) in after)
        {
            var old = before.GetValueOrDefault(serviceId) ?? [];
            var i = 0;
            while (i < list.Count && i < old.Count && ReferenceEquals(list[i], old[i]) && !touched.Contains(list[i].Id)) i++;
            result[serviceId] = i;
        }
        return result;
    }

    private static bool SameEstimates(IReadOnlyDictionary<Guid, double> before, IReadOnlyDictionary<Guid, double> after) =>
        ReferenceEquals(before, after) || before is Prediction.ReusedEstimates b && after is Prediction.ReusedEstimates a && a.SameAs(b);

    /// <summary>How often the kept line order did not add up and was sorted afresh (the batch profile logs it).</summary>
    internal static int LinesResorted;

    private static bool InOrder(Dictionary<string, List<Ticket>> lines, int waiting)
    {
        var count = 0;
        foreach (var list in lines.Values)
        {
            count += list.Count;
            for (var i = 1; i < list.Count; i++)
                if (InLine(list[i - 1], list[i]) >= 0) return false;
        }
        return count == waiting;
    }

    /// <summary>
    /// The order the hall's dispatch calls a service's line in (EngineDispatch.OrderKey): queued time less the
    /// priority's head start, so a booking checked in goes ahead of those who waited under 30 min, not of all.
    /// </summary>
    private static int InLine(Ticket a, Ticket b)
    {
        var byTime = PriorityHeadStart.EffectiveQueuedAt(a).CompareTo(PriorityHeadStart.EffectiveQueuedAt(b));
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Number, b.Number);
    }

}
