using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Halls;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Reports;

/// <summary>
/// Queue reports of a hall over business days (design.md §4 "Reports"), read from the tickets table rather than
/// the engine: history is not the hall's live state, and reading it never waits on the hall's writer.
/// </summary>
public sealed class QueueReports(IDbContextFactory<QueueDb> dbs, DayCache cache, TimeProvider time)
{
    private static readonly int[] BucketEdges = [0, 5, 10, 15, 20, 30, 45, 60, 90];

    public static IReadOnlyList<ReportGrouping> AllGroupings { get; } = Enum.GetValues<ReportGrouping>();

    /// <summary>The rows of one grouping, as the API answers them.</summary>
    public async Task<IReadOnlyList<ReportRow>> RowsAsync(string hallId, DateOnly from, DateOnly to, ReportGrouping by, CancellationToken ct = default) =>
        (await BuildAsync(hallId, from, to, [by], staffing: false, ct, total: false)).By(by);

    /// <summary>
    /// The report of <paramref name="hallId"/> from <paramref name="from"/> to <paramref name="to"/> (business days,
    /// both included), with the rows of <paramref name="groupings"/> and, when asked, the staffing plan. Without
    /// <paramref name="total"/> only the rows are counted (no total row, heat map or wait distribution): the API's rows
    /// need none of them, and a year's waits sort once less.
    /// </summary>
    public async Task<QueueReport> BuildAsync(string hallId, DateOnly from, DateOnly to, IReadOnlyList<ReportGrouping> groupings,
        bool staffing, CancellationToken ct = default, bool total = true)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw Engine.HallException.NotFound("hall", hallId);
        var services = await db.Services.AsNoTracking().Where(s => s.HallId == hallId).ToDictionaryAsync(s => s.Id, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(hall.TimeZoneId);
        var days = await DaysAsync(db, hall, zone, from, to, ct);
        var ids = cache.NamesOf(hallId).Snapshot();
        var categoryOf = ids.Select(id => services.TryGetValue(id, out var s) ? s.Category : "").ToArray();
        // A category is keyed by the first name index of its own: one array lookup per ticket.
        var categoryKey = categoryOf.Select(c => Array.IndexOf(categoryOf, c)).ToArray();

        var totals = new QueueFigures();
        var wanted = groupings.Distinct().ToArray();
        // Rows indexed by a small number (name index, hour, day in the period, channel): no string and no hashing per ticket.
        var rows = wanted.Select(g => new QueueFigures?[g switch
        {
            ReportGrouping.Day => to.DayNumber - from.DayNumber + 1,
            ReportGrouping.Hour => 24,
            ReportGrouping.Channel => 3,
            _ => ids.Length,
        }]).ToArray();
        var heat = new int[7, 24];
        var openDays = new int[7];
        var buckets = new int[BucketEdges.Length];
        var plan = staffing ? new StaffingCounts() : null;

        foreach (var facts in days)
        {
            if (facts.Length > 0) openDays[Weekday(facts[0].BusinessDay)]++;
            var weekday = facts.Length > 0 ? Weekday(facts[0].BusinessDay) : 0;
            foreach (var t in facts)
            {
                if (total)
                {
                    totals.Add(t);
                    heat[weekday, t.ArrivalHour]++;
                    if (t.WaitMs >= 0) buckets[Bucket(t.WaitMs / 60_000.0)]++;
                }
                for (var g = 0; g < wanted.Length; g++)
                {
                    var key = wanted[g] switch
                    {
                        ReportGrouping.Day => t.BusinessDay.DayNumber - from.DayNumber,
                        ReportGrouping.Hour => t.ArrivalHour,
                        ReportGrouping.Service => t.Service,
                        ReportGrouping.Category => t.Service < 0 ? -1 : categoryKey[t.Service],
                        ReportGrouping.Window => t.Window,
                        ReportGrouping.Staff => t.Staff,
                        _ => (int)t.Channel,
                    };
                    // A ticket never called belongs to no window and no staff member; it still counts in every other row.
                    if (key < 0) continue;
                    (rows[g][key] ??= new QueueFigures()).Add(t);
                }
                plan?.Add(t, t.Service >= 0 ? categoryOf[t.Service] : "", weekday);
            }
        }

        var names = await NamesAsync(db, hallId, wanted, services, ct);
        var result = new Dictionary<ReportGrouping, IReadOnlyList<ReportRow>>();
        for (var g = 0; g < wanted.Length; g++)
        {
            var grouping = wanted[g];
            result[grouping] = Ordered(grouping, rows[g].Select((figures, index) => (figures, index)).Where(r => r.figures is not null).Select(r =>
            {
                var key = Key(grouping, r.index, from, ids, categoryOf);
                return r.figures!.ToRow(key, Name(names, grouping, key),
                    grouping == ReportGrouping.Service && services.TryGetValue(key, out var s) ? s.NormMinutes : null);
            }));
        }
        var distribution = BucketEdges.Select((edge, i) => new WaitBucket(edge, i + 1 < BucketEdges.Length ? BucketEdges[i + 1] : null, buckets[i])).ToList();
        var target = hall.Settings.TargetWaitMinutes;
        return new QueueReport(hallId, from, to, target, totals.ToRow("all", hall.Name), result, heat, openDays, distribution,
            plan?.Plan(openDays, services.Values.ToList(), target) ?? []);
    }

    /// <summary>
    /// The tickets of every day of the period: from this node's memory, else closed days from <c>report_days</c>, else the
    /// tickets table, read once per run of consecutive days still missing. A closed day read from the tickets is kept in
    /// memory and in <c>report_days</c> (decision 0101), so no node reads its tickets again.
    /// </summary>
    private async Task<List<TicketFact[]>> DaysAsync(QueueDb db, Hall hall, TimeZoneInfo zone, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = hall.BusinessDay(time.GetUtcNow());
        var all = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var loaded = new Dictionary<DateOnly, TicketFact[]>();
        var missing = all.Where(d => !cache.TryGet(hall.Id, d, out _)).ToList();
        var closed = missing.Where(d => DayCache.Keeps(d, today)).ToList();
        if (closed.Count > 0)
            foreach (var (day, facts) in await ReportDays.LoadAsync(db, hall.Id, closed[0], closed[^1], cache.NamesOf(hall.Id), ct))
            {
                loaded[day] = facts;
                cache.Put(hall.Id, day, facts);
            }
        var unread = missing.Where(d => !loaded.ContainsKey(d)).ToList();
        var toKeep = new List<(DateOnly Day, TicketFact[] Facts)>();
        foreach (var run in Runs(unread))
        {
            var read = await TicketFacts.ReadAsync(db, hall.Id, zone, cache.NamesOf(hall.Id), run[0], run[^1], ct);
            foreach (var d in run)
            {
                TicketFact[] facts = read.TryGetValue(d, out var l) ? [.. l] : [];
                loaded[d] = facts;
                if (!ReportDays.Closed(d, today, facts)) continue;
                cache.Put(hall.Id, d, facts);
                toKeep.Add((d, facts));
            }
        }
        if (toKeep.Count > 0) await ReportDays.KeepAsync(db, hall.Id, toKeep, cache.NamesOf(hall.Id), time.GetUtcNow(), ct);
        return [.. all.Select(d => cache.TryGet(hall.Id, d, out var facts) ? facts : loaded.TryGetValue(d, out var f) ? f : [])];
    }

    /// <summary>Runs of consecutive days, so the days kept on both sides of a gap are not read again with it.</summary>
    private static IEnumerable<List<DateOnly>> Runs(List<DateOnly> days)
    {
        var run = new List<DateOnly>();
        foreach (var d in days)
        {
            if (run.Count > 0 && run[^1].AddDays(1) != d)
            {
                yield return run;
                run = [];
            }
            run.Add(d);
        }
        if (run.Count > 0) yield return run;
    }

    /// <summary>
    /// Keeps every closed day of the hall in <c>report_days</c> (and this node's memory) that is not kept yet, so no report
    /// reads those days' tickets again (decision 0101). Returns how many days the hall has up to the day before yesterday.
    /// </summary>
    public async Task<int> CloseDaysAsync(string hallId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct) ?? throw Engine.HallException.NotFound("hall", hallId);
        var last = hall.BusinessDay(time.GetUtcNow()).AddDays(-2);
        var first = await db.Tickets.Where(t => t.HallId == hallId).OrderBy(t => t.BusinessDay).Select(t => (DateOnly?)t.BusinessDay).FirstOrDefaultAsync(ct);
        if (first is not { } from || from > last) return 0;
        return (await DaysAsync(db, hall, TimeZoneInfo.FindSystemTimeZoneById(hall.TimeZoneId), from, last, ct)).Count;
    }

    /// <summary>Every hall with its parent, for access checks and the city roll-up.</summary>
    public async Task<IReadOnlyList<Hall>> HallsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Halls.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct);
    }

    public static int Weekday(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;

    public static string ChannelKey(TicketChannel c) => c switch
    {
        TicketChannel.Kiosk => "kiosk",
        TicketChannel.Mobile => "mobile",
        _ => "booking",
    };

    private static readonly string[] HourKeys = [.. Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture))];

    private static string Key(ReportGrouping g, int key, DateOnly from, string[] ids, string[] categoryOf) => g switch
    {
        ReportGrouping.Day => from.AddDays(key).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportGrouping.Hour => HourKeys[key],
        ReportGrouping.Category => categoryOf[key],
        ReportGrouping.Channel => ChannelKey((TicketChannel)key),
        _ => ids[key],
    };

    private static int Bucket(double wait)
    {
        var i = BucketEdges.Length - 1;
        while (i > 0 && wait < BucketEdges[i]) i--;
        return i;
    }

    // Time goes along the rows of day and hour; everything else leads with where most tickets went.
    private static IReadOnlyList<ReportRow> Ordered(ReportGrouping g, IEnumerable<ReportRow> rows) =>
        g is ReportGrouping.Day or ReportGrouping.Hour ? [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)]
        : [.. rows.OrderByDescending(r => r.Issued).ThenBy(r => r.Key, StringComparer.Ordinal)];

    private static string Name(Dictionary<(ReportGrouping, string), string> names, ReportGrouping g, string key) =>
        names.TryGetValue((g, key), out var n) ? n : key;

    private static async Task<Dictionary<(ReportGrouping, string), string>> NamesAsync(QueueDb db, string hallId,
        IEnumerable<ReportGrouping> groupings, Dictionary<string, Services.Service> services, CancellationToken ct)
    {
        var names = new Dictionary<(ReportGrouping, string), string>();
        var wanted = groupings.ToHashSet();
        foreach (var s in services.Values) names[(ReportGrouping.Service, s.Id)] = s.Name;
        if (wanted.Contains(ReportGrouping.Window))
            foreach (var w in await db.Windows.AsNoTracking().Where(w => w.HallId == hallId).ToListAsync(ct))
                names[(ReportGrouping.Window, w.Id)] = w.Name;
        if (wanted.Contains(ReportGrouping.Staff))
            foreach (var a in await db.Accounts.AsNoTracking().Where(a => a.HallId == hallId).ToListAsync(ct))
                names[(ReportGrouping.Staff, a.Id)] = string.IsNullOrEmpty(a.StaffNumber) ? a.DisplayName : $"{a.DisplayName}（{a.StaffNumber}）";
        return names;
    }
}
