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
public sealed class QueueReports(IDbContextFactory<QueueDb> dbs)
{
    private static readonly int[] BucketEdges = [0, 5, 10, 15, 20, 30, 45, 60, 90];

    public static IReadOnlyList<ReportGrouping> AllGroupings { get; } = Enum.GetValues<ReportGrouping>();

    /// <summary>The rows of one grouping, as the API answers them.</summary>
    public async Task<IReadOnlyList<ReportRow>> RowsAsync(string hallId, DateOnly from, DateOnly to, ReportGrouping by, CancellationToken ct = default) =>
        (await BuildAsync(hallId, from, to, [by], staffing: false, ct)).By(by);

    /// <summary>
    /// The report of <paramref name="hallId"/> from <paramref name="from"/> to <paramref name="to"/> (business days,
    /// both included), with the rows of <paramref name="groupings"/> and, when asked, the staffing plan.
    /// </summary>
    public async Task<QueueReport> BuildAsync(string hallId, DateOnly from, DateOnly to, IReadOnlyList<ReportGrouping> groupings,
        bool staffing, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw Engine.HallException.NotFound("hall", hallId);
        var services = await db.Services.AsNoTracking().Where(s => s.HallId == hallId).ToDictionaryAsync(s => s.Id, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(hall.TimeZoneId);

        var total = new QueueFigures();
        var rows = groupings.Distinct().ToDictionary(g => g, _ => new Dictionary<string, QueueFigures>());
        var heat = new int[7, 24];
        var days = new HashSet<DateOnly>();
        var buckets = new int[BucketEdges.Length];
        var plan = staffing ? new StaffingCounts() : null;
        var clock = new LocalClock(zone);

        await foreach (var t in TicketFacts.ReadAsync(db, hallId, from, to, ct))
        {
            total.Add(t);
            days.Add(t.BusinessDay);
            var weekday = Weekday(t.BusinessDay);
            var hour = clock.Hour(t.WaitFrom);
            heat[weekday, hour]++;
            if (t.WaitMinutes is { } w) buckets[Bucket(w)]++;
            var category = services.TryGetValue(t.ServiceId, out var service) ? service.Category : "";
            foreach (var (grouping, figures) in rows)
            {
                var key = grouping switch
                {
                    ReportGrouping.Day => t.BusinessDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ReportGrouping.Hour => HourKeys[hour],
                    ReportGrouping.Service => t.ServiceId,
                    ReportGrouping.Category => category,
                    ReportGrouping.Window => t.WindowId,
                    ReportGrouping.Staff => t.StaffId,
                    _ => ChannelKey(t.Channel),
                };
                // A ticket never called belongs to no window and no staff member; it still counts in every other row.
                if (key is null) continue;
                if (!figures.TryGetValue(key, out var f)) figures[key] = f = new QueueFigures();
                f.Add(t);
            }
            plan?.Add(t, category, weekday, hour, t.FirstCalledAt == 0 ? -1 : clock.Hour(t.FirstCalledAt));
        }

        var names = await NamesAsync(db, hallId, rows.Keys, services, ct);
        var result = rows.ToDictionary(r => r.Key, r => Ordered(r.Key, r.Value.Select(kv =>
            kv.Value.ToRow(kv.Key, Name(names, r.Key, kv.Key), r.Key == ReportGrouping.Service && services.TryGetValue(kv.Key, out var s) ? s.NormMinutes : null))));
        var openDays = new int[7];
        foreach (var d in days) openDays[Weekday(d)]++;
        var distribution = BucketEdges.Select((edge, i) => new WaitBucket(edge, i + 1 < BucketEdges.Length ? BucketEdges[i + 1] : null, buckets[i])).ToList();
        var target = hall.Settings.TargetWaitMinutes;
        return new QueueReport(hallId, from, to, target, total.ToRow("all", hall.Name), result, heat, openDays, distribution,
            plan?.Plan(openDays, services.Values.ToList(), target) ?? []);
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

    /// <summary>Local hours of UTC instants; the offset is looked up once per UTC hour, as rows come in time order.</summary>
    private sealed class LocalClock(TimeZoneInfo zone)
    {
        private long hourStart = long.MinValue;
        private long offset;

        public int Hour(long utcTicks)
        {
            var bucket = utcTicks - utcTicks % TimeSpan.TicksPerHour;
            if (bucket != hourStart)
            {
                hourStart = bucket;
                offset = zone.GetUtcOffset(new DateTime(bucket, DateTimeKind.Utc)).Ticks;
            }
            return (int)((utcTicks + offset) / TimeSpan.TicksPerHour % 24);
        }
    }
}
