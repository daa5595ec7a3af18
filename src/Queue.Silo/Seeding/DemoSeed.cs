using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Queue.Silo.Accounts;
using Queue.Silo.Calendar;
using Queue.Silo.Halls;
using Queue.Silo.Services;
using Queue.Silo.Storage;
using Queue.Silo.Windows;

namespace Queue.Silo.Seeding;

/// <summary>
/// Fills an empty database with a demo city civic center (six themes, 16 windows), a town service
/// center under it and a village service room under that, plus the demo accounts of design.md §4. With
/// <c>Demo:History</c> it also plans their last weeks, which <see cref="DemoHistory"/> generates (decision 0100).
/// </summary>
public sealed class DemoSeed(IDbContextFactory<QueueDb> dbs, IOptions<DemoSeedOptions> options, TimeProvider time, ILogger<DemoSeed> log)
{
    public const string CityHallId = "jc-civic";
    public const string TownHallId = "jc-donghu";
    public const string VillageHallId = "jc-qingshan";

    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (!options.Value.Seed) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Halls.AnyAsync(ct)) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var city = new Hall(CityHallId, "江城市政务服务中心", HallLevel.City, null, "420100") { Address = "江城市市民之家一楼大厅" };
        var town = new Hall(TownHallId, "东湖街道便民服务中心", HallLevel.Town, CityHallId, "420102") { Address = "东湖街道办事处一楼" };
        var village = new Hall(VillageHallId, "青山社区党群服务站", HallLevel.Village, TownHallId, "420102") { Address = "青山社区服务中心" };
        db.Halls.AddRange(city, town, village);

        var cityServices = AddServices(db, city.Id, DemoCatalog.Items);
        string[] Theme(string category) => cityServices.Where(s => s.Category == category).Select(s => s.Id).ToArray();
        var all = cityServices.Select(s => s.Id).ToArray();
        (string Name, string[] Services)[] cityWindows =
        [
            ("综合窗口", all), ("综合窗口", all), ("综合窗口", all), ("综合窗口", all),
            ("社会民生", Theme("社会民生类")), ("社会民生", Theme("社会民生类")),
            ("企业开办", Theme("企业设立类")), ("企业开办", [.. Theme("企业设立类"), .. Theme("经营许可类")]),
            ("经营许可", Theme("经营许可类")), ("工程建设", Theme("工程建设类")), ("工程建设", Theme("工程建设类")),
            ("公安出入境", Theme("公安专项类")), ("公安户政", Theme("公安专项类")),
            ("税务", Theme("税务专项类")), ("税务", Theme("税务专项类")), ("企业综合", [.. Theme("企业设立类"), .. Theme("经营许可类"), .. Theme("税务专项类")]),
        ];
        var password = options.Value.Password;
        for (var i = 0; i < cityWindows.Length; i++)
        {
            var n = i + 1;
            var window = new HallWindow($"{city.Id}-w{n:D2}", city.Id, n, $"{n}号{cityWindows[i].Name}", cityWindows[i].Services);
            window.Describe(n, window.Name, $"{DemoCatalog.English[cityWindows[i].Name]} {n}");
            var staff = new Account($"staff{n:D2}", $"staff{n:D2}", Role.Staff, StaffNames[i % StaffNames.Length], city.Id, window.Id) { StaffNumber = $"JC{1000 + n}" };
            AccountService.SetPassword(staff, password);
            // Opened for its staff, nobody at it yet: it serves and enters estimates once someone acts there (HallWindow.Attended).
            window.Open(null);
            db.Windows.Add(window);
            db.Accounts.Add(staff);
        }

        var townServices = AddServices(db, town.Id, DemoCatalog.Items.Where(i => i.Category is "社会民生类" or "公安专项类" or "税务专项类"));
        for (var n = 1; n <= 4; n++)
        {
            var window = new HallWindow($"{town.Id}-w{n:D2}", town.Id, n, n <= 2 ? $"{n}号综合窗口" : $"{n}号社保医保", n <= 2 ? townServices.Select(s => s.Id) : townServices.Where(s => s.Category == "社会民生类").Select(s => s.Id));
            window.Describe(n, window.Name, n <= 2 ? $"General service {n}" : $"Social and medical insurance {n}");
            window.Open(null);
            db.Windows.Add(window);
        }
        var villageServices = AddServices(db, village.Id, DemoCatalog.Items.Where(i => i.Key is "social-insurance" or "medical-reimburse" or "residence-permit"));
        for (var n = 1; n <= 2; n++)
        {
            var window = new HallWindow($"{village.Id}-w{n:D2}", village.Id, n, $"{n}号代办窗口", villageServices.Select(s => s.Id));
            window.Describe(n, window.Name, $"Errands on your behalf {n}");
            window.Open(null);
            db.Windows.Add(window);
        }

        foreach (var (user, role, name) in new[] { ("admin", Role.Admin, "系统管理员"), ("manager", Role.Manager, "大厅管理员"), ("evaluator", Role.Evaluator, "效能监察员") })
        {
            var account = new Account(user, user, role, name, role == Role.Admin ? null : city.Id);
            AccountService.SetPassword(account, password);
            db.Accounts.Add(account);
        }
        if (options.Value.OpeningHours) db.Set<OpeningHours>().AddRange(DemoHours());
        if (options.Value.History)
        {
            // Planned in the seed's transaction, so every page can say from the first request that history is on its way.
            var now = time.GetUtcNow();
            foreach (var hall in new[] { city, town, village })
            {
                var today = hall.BusinessDay(now);
                db.Add(new DemoHistoryRecord(hall.Id, today.AddDays(-7 * options.Value.HistoryWeeks), today.AddDays(-1), now));
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Seeded the demo halls {City}, {Town}, {Village}", city.Id, town.Id, village.Id);
    }

    /// <summary>
    /// Office hours as county and city centres publish them: weekdays with a lunch break (午休), the city centre also on
    /// Saturday mornings (周六延时服务), the town and village rooms with the longer rural break.
    /// </summary>
    private static IEnumerable<OpeningHours> DemoHours() =>
    [
        .. Weekdays(CityHallId, new(9, 0), new(17, 0), new(12, 0), new(13, 30)),
        new OpeningHours(CityHallId, DayOfWeek.Saturday, new(9, 0), new(12, 0)),
        .. Weekdays(TownHallId, new(8, 30), new(17, 30), new(12, 0), new(14, 0)),
        .. Weekdays(VillageHallId, new(8, 30), new(17, 0), new(12, 0), new(14, 0)),
    ];

    private static IEnumerable<OpeningHours> Weekdays(string hallId, TimeOnly opens, TimeOnly closes, TimeOnly breakStarts, TimeOnly breakEnds) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(hallId, d, opens, closes, breakStarts, breakEnds));

    private static readonly string[] StaffNames = ["王晓燕", "李明", "张建华", "刘芳", "陈静", "杨帆", "赵磊", "黄丽", "周涛", "吴敏", "徐婷", "孙伟", "胡娟", "朱强", "高雪", "林峰"];

    private static List<Service> AddServices(QueueDb db, string hallId, IEnumerable<DemoCatalog.Item> items)
    {
        var list = items.Select((i, n) => new Service($"{hallId}-{i.Key}", hallId, i.Name, i.Category, i.Prefix, i.Minutes, i.Guide, i.Bookable)
        {
            SortOrder = n, NameEn = DemoCatalog.English.GetValueOrDefault(i.Key), CategoryEn = DemoCatalog.English.GetValueOrDefault(i.Category),
        }).ToList();
        db.Services.AddRange(list);
        return list;
    }
}
