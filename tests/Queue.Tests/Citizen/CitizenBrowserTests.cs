using System.Net.Http.Json;
using Microsoft.Playwright;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Citizen;

/// <summary>The citizen's journey in real Chromium at kiosk (1080×1920) and phone (390×844) sizes.</summary>
public sealed class CitizenBrowserTests
{
    private const string VillagePermit = "jc-qingshan-residence-permit";

    [Fact]
    public async Task KioskShowsGuidesTakesATicketInLargeTextAndPrintsIt()
    {
        await using var app = await QueueApp.StartAsync(settings: CitizenApi.Settings(), kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var kiosk = await chromium.NewPageAsync(app.Address, 1080, 1920);
        await kiosk.GotoAsync($"/kiosk/{Demo.City}");
        await kiosk.Locator(".service-card").Filter(new() { Has = kiosk.Locator($"[data-service='{Demo.CompanySetup}']") }).Locator("summary").ClickAsync();
        await Assertions.Expect(kiosk.GetByText("公司章程").First).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(kiosk, "citizen-kiosk-guide");

        await kiosk.ClickAsync("#large-toggle");
        await Assertions.Expect(kiosk.Locator("#kiosk.large")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(kiosk, "citizen-kiosk-large");
        await kiosk.ClickAsync($"button[data-service='{Demo.SocialInsurance}']");
        var number = (await kiosk.Locator("#issued-number").TextContentAsync())!.Trim();
        Assert.Matches("^A\\d{3}$", number);
        Assert.Contains("large=1", kiosk.Url + await kiosk.Locator("#done").GetAttributeAsync("href"));
        await Chromium.ScreenshotAsync(kiosk, "citizen-kiosk-issued");
        // The holder's own page (cancel, token cookie) is for the holder's phone, never opened on the shared kiosk.
        Assert.Equal(0, await kiosk.Locator("a[href*='/t/']").CountAsync());

        await kiosk.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(kiosk.Locator("#print-block")).ToBeVisibleAsync();
        var box = (await kiosk.Locator("#print-block").BoundingBoxAsync())!;
        Assert.InRange(box.Width, 250, 290); // 72 mm at 96 dpi
        await kiosk.ScreenshotAsync(new() { Path = Path.Combine(TestEnvironment.ScreenshotDir, "citizen-kiosk-printed-ticket.png"), Clip = new() { X = 0, Y = 0, Width = 300, Height = box.Height + 20 } });
        Assert.Contains(number, await kiosk.Locator("#print-block").InnerTextAsync());
        Assert.False(await kiosk.Locator("#issued-number").IsVisibleAsync()); // the screen view does not print
        await kiosk.EmulateMediaAsync(new() { Media = Media.Screen });

        // Left alone on the ticket, the kiosk returns to the start by itself.
        var idle = await chromium.NewPageAsync(app.Address, 1920, 1080);
        await idle.Clock.InstallAsync();
        await idle.GotoAsync($"/kiosk/{Demo.City}");
        await Chromium.ScreenshotAsync(idle, "citizen-kiosk-landscape");
        await idle.ClickAsync($"button[data-service='{Demo.Invoice}']");
        await Assertions.Expect(idle.Locator("#issued-number")).ToBeVisibleAsync();
        await idle.Clock.RunForAsync(31_000);
        await Assertions.Expect(idle.Locator($"button[data-service='{Demo.Invoice}']")).ToBeVisibleAsync();

        // Check-in with a code that does not exist: a clear message, no ticket.
        await kiosk.GotoAsync($"/kiosk/{Demo.City}");
        await kiosk.FillAsync("#checkin-code", "12345678");
        await kiosk.ClickAsync("#checkin-submit");
        await Assertions.Expect(kiosk.Locator("#kiosk-error")).ToContainTextAsync("未找到");
    }

    [Fact]
    public async Task AMatterNoWindowServesIsSaidSoOnTheKioskWallAndTicketUntilAWindowOpens()
    {
        await using var app = await QueueApp.StartAsync(settings: CitizenApi.Settings(), kestrel: true);
        var manager = await app.SignedInAsync("manager");
        await app.AttendAsync([.. Enumerable.Range(1, 16)]);
        // 税务专项类 (发票领用与代开, 个税汇算咨询) is offered by windows 1–4, 14, 15 and 16: close them all.
        foreach (var w in new[] { 1, 2, 3, 4, 14, 15, 16 }) (await manager.WindowAsync(w, "close")).EnsureSuccessStatusCode();
        await using var chromium = await Chromium.LaunchAsync();

        var kiosk = await chromium.NewPageAsync(app.Address, 1080, 1920);
        await kiosk.GotoAsync($"/kiosk/{Demo.City}");
        var invoice = kiosk.Locator($"button[data-service='{Demo.Invoice}'] .service-wait");
        await Assertions.Expect(invoice).ToContainTextAsync("暂无窗口办理");
        await Assertions.Expect(invoice).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("no-window"));
        await Assertions.Expect(kiosk.Locator($"button[data-service='{Demo.SocialInsurance}'] .service-wait")).ToContainTextAsync("即将叫号");
        await Chromium.ScreenshotAsync(kiosk, "citizen-kiosk-no-window");
        await kiosk.ClickAsync($"button[data-service='{Demo.Invoice}']");
        await Assertions.Expect(kiosk.Locator("#no-window")).ToBeVisibleAsync();
        await Assertions.Expect(kiosk.Locator("#issued-eta")).ToHaveTextAsync("暂无窗口办理");
        await Chromium.ScreenshotAsync(kiosk, "citizen-kiosk-issued-no-window");
        var trackUrl = await kiosk.Locator("img.qr").GetAttributeAsync("data-track-url");

        // Someone choosing a hall sees that a waiting citizen's matter has no window, not just "any moment".
        var halls = await chromium.NewPageAsync(app.Address, 390, 844);
        await halls.GotoAsync("/");
        await Assertions.Expect(halls.Locator($"[data-hall='{Demo.City}'] .eta")).ToHaveTextAsync("即将叫号 · 1 人的事项暂无窗口");

        var wall = await chromium.NewPageAsync(app.Address, 1920, 1080);
        await wall.GotoAsync($"/display/{Demo.City}");
        var taxRow = wall.Locator("#waiting tr").Filter(new() { HasText = "税务专项类" });
        await Assertions.Expect(taxRow).ToContainTextAsync("暂无窗口办理");

        // A window opened and paused (a break) is told apart from none on the wall.
        (await manager.WindowAsync(14, "open")).EnsureSuccessStatusCode();
        (await manager.WindowAsync(14, "pause")).EnsureSuccessStatusCode();
        await Assertions.Expect(taxRow).ToContainTextAsync("窗口暂停中");
        await Chromium.ScreenshotAsync(wall, "display-wall-no-window-paused");

        // First in a line nobody calls: no minutes, the reason, and no "your turn is near".
        var phone = await chromium.NewPageAsync(app.Address, 390, 844);
        await phone.GotoAsync(trackUrl!);
        await Assertions.Expect(phone.Locator("#no-window")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#eta")).ToHaveTextAsync("—");
        await Assertions.Expect(phone.Locator("#ahead")).ToHaveTextAsync("0");
        // In the warning colours of citizen.css (the page once lost that sheet to the 补办 notice's own head content).
        Assert.Equal("rgb(255, 250, 235)", await phone.Locator("#no-window").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await Chromium.ScreenshotAsync(phone, "citizen-phone-ticket-no-window");
        Assert.Equal("", await phone.EvaluateAsync<string>("document.body.dataset.paged || ''"));

        // Window 15 opened for its staff member who is not there yet: still no window serves the matter.
        (await manager.WindowAsync(15, "open")).EnsureSuccessStatusCode();
        await Assertions.Expect(phone.Locator("#no-window")).ToBeVisibleAsync();
        // The staff member sits down there: the estimate comes back on every screen, and the holder, next in line, is paged.
        await app.AttendAsync(15);
        await Assertions.Expect(phone.Locator("#eta")).ToHaveTextAsync("0");
        await Assertions.Expect(phone.Locator("#no-window")).ToBeHiddenAsync();
        await Assertions.Expect(phone.Locator("body[data-paged='near']")).ToBeAttachedAsync();
        await Assertions.Expect(taxRow).Not.ToContainTextAsync("窗口");
        await Assertions.Expect(taxRow).ToContainTextAsync("分钟");
    }

    [Fact]
    public async Task PhoneTicketIsCheckedInByScanningThePresenceCodeThenPagedWhenNearAndWhenCalled()
    {
        await using var app = await QueueApp.StartAsync(settings: CitizenApi.Settings(), kestrel: true);
        var api = app.CreateClient();
        await app.AttendVillageAsync();
        for (var i = 0; i < 4; i++) await api.IssueAsync(VillagePermit, Demo.Village);
        await using var chromium = await Chromium.LaunchAsync();
        var phone = await chromium.NewPageAsync(app.Address, 390, 844);
        await phone.Context.GrantPermissionsAsync(["notifications"], new() { Origin = app.Address.ToString().TrimEnd('/') });

        await phone.GotoAsync($"/m/{Demo.Village}");
        await Assertions.Expect(phone.Locator($"[data-hall-id='{Demo.City}']")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator($"[data-hall-id='{Demo.Village}'] .h-waiting")).ToHaveTextAsync("4");
        await Chromium.ScreenshotAsync(phone, "citizen-phone-hall");
        await phone.Locator($".m-service[data-service='{VillagePermit}'] button[type=submit]").ClickAsync();
        await phone.WaitForURLAsync("**/t/**", Chromium.Arrived);
        await Assertions.Expect(phone.Locator("#arrival")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#ahead")).ToHaveTextAsync("4");
        Assert.Equal("", await phone.EvaluateAsync<string>("document.body.dataset.paged || ''"));
        await Chromium.ScreenshotAsync(phone, "citizen-phone-ticket-not-arrived");
        var trackUrl = phone.Url;

        // Scanning the wall's presence code opens its URL in the phone's browser.
        var presence = await api.PresenceCodeAsync(Demo.Village);
        await phone.GotoAsync(presence.Url);
        await Assertions.Expect(phone.Locator("[data-arrived]")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(phone, "citizen-phone-presence-checked-in");
        await phone.GotoAsync(trackUrl);
        await Assertions.Expect(phone.Locator("#arrival")).ToBeHiddenAsync();
        // The holder turns alerts on: the tap unlocks the tone, which browsers keep silent until a tap.
        await phone.ClickAsync("#enable-alerts");
        await Assertions.Expect(phone.Locator("#enable-alerts")).ToBeDisabledAsync();

        var admin = await app.SignedInAsync("admin");
        await admin.WindowAsync(1, "call-next", hallId: Demo.Village);
        await Assertions.Expect(phone.Locator("#ahead")).ToHaveTextAsync("3");
        await Assertions.Expect(phone.Locator("#page-alert")).ToBeVisibleAsync();
        Assert.Equal("near", await phone.EvaluateAsync<string>("document.body.dataset.paged"));
        await Chromium.ScreenshotAsync(phone, "citizen-phone-paged-near");

        await admin.WindowAsync(2, "call-next", hallId: Demo.Village);
        foreach (var w in new[] { 1, 2, 1 })
        {
            await admin.WindowAsync(w, "start", hallId: Demo.Village);
            await admin.WindowAsync(w, "complete", new { outcome = "done" }, Demo.Village);
            await admin.WindowAsync(w, "call-next", hallId: Demo.Village);
        }
        await Assertions.Expect(phone.Locator("#window")).ToContainTextAsync("1");
        await Assertions.Expect(phone.Locator("body[data-paged='called']")).ToBeAttachedAsync();
        var kinds = await phone.EvaluateAsync<string[]>("window.qhPagingLog.map(e => e.kind)");
        Assert.Equal(["near", "called"], kinds);
        Assert.True(await phone.EvaluateAsync<bool>("window.qhPagingLog.every(e => e.sounded)"));
        await Chromium.ScreenshotAsync(phone, "citizen-phone-called");
        await Assertions.Expect(phone.Locator("#rate-link")).ToBeHiddenAsync();

        // Once served, the page offers 好差评: a link to the rating page keyed by the same token.
        await admin.WindowAsync(1, "start", hallId: Demo.Village);
        await admin.WindowAsync(1, "complete", new { outcome = "done" }, Demo.Village);
        await Assertions.Expect(phone.Locator("#rate-link")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#rate-link")).ToContainTextAsync("评价本次服务");
        await Chromium.ScreenshotAsync(phone, "citizen-phone-done-rate-link");
        await phone.ClickAsync("#rate-link");
        await phone.WaitForURLAsync("**/rate/**", Chromium.Arrived);
        var ticketId = trackUrl.Split("/t/")[1].Split('?')[0];
        Assert.StartsWith($"{app.Address.ToString().TrimEnd('/')}/rate/{ticketId}?token=", phone.Url);
        Assert.Equal(new Uri(trackUrl).Query, new Uri(phone.Url).Query);

        // Another ticket, cancelled from its page.
        await phone.GotoAsync($"/m/{Demo.Village}");
        await phone.Locator($".m-service[data-service='jc-qingshan-social-insurance'] button[type=submit]").ClickAsync();
        await phone.WaitForURLAsync("**/t/**", Chromium.Arrived);
        // Nobody ahead: paged "near" at once, silently and said so, since nothing on this page was tapped yet.
        await Assertions.Expect(phone.Locator("body[data-paged='near']")).ToBeAttachedAsync();
        Assert.False(await phone.EvaluateAsync<bool>("window.qhPagingLog[0].sounded"));
        phone.Dialog += (_, d) => d.AcceptAsync();
        await phone.ClickAsync("#cancel-ticket");
        await Assertions.Expect(phone.Locator("#status")).ToHaveTextAsync("已取消");
    }

    [Fact]
    public async Task SlotIsBookedOnThePhoneAndCheckedInAtTheKioskWhichClosesOutsideOpeningHours()
    {
        var clock = new ManualClock(CitizenApi.MondayMorning);
        await using var app = await QueueApp.StartAsync(settings: CitizenApi.Settings(), clock: clock, kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var phone = await chromium.NewPageAsync(app.Address, 390, 844);
        await phone.GotoAsync($"/m/{Demo.City}");
        await phone.Locator($".m-service[data-service='{Demo.SocialInsurance}'] a.button").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-date='2026-11-23']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("on"));
        await phone.Locator($"input[name=slot][value='{CitizenApi.Shanghai(23, 10).UtcTicks}']").CheckAsync();
        await phone.FillAsync("input[name=name]", "李小红");
        await phone.FillAsync("input[name=phone]", "13912345678");
        await phone.FillAsync("input[name=idNumber]", "110105194912310021");
        await Chromium.ScreenshotAsync(phone, "citizen-phone-booking-form");
        await phone.ClickAsync("#book-submit");
        await Assertions.Expect(phone.Locator("#error")).ToContainTextAsync("身份证号码无效");

        await phone.Locator($"input[name=slot][value='{CitizenApi.Shanghai(23, 10).UtcTicks}']").CheckAsync();
        await phone.FillAsync("input[name=name]", "李小红");
        await phone.FillAsync("input[name=phone]", "13912345678");
        await phone.FillAsync("input[name=idNumber]", CitizenApi.NewIdNumber());
        await phone.ClickAsync("#book-submit");
        await Assertions.Expect(phone.Locator("#booked")).ToBeVisibleAsync();
        var code = (await phone.Locator("#booking-code").TextContentAsync())!.Trim();
        await Chromium.ScreenshotAsync(phone, "citizen-phone-booked");

        clock.Set(CitizenApi.Shanghai(23, 9, 45));
        var kiosk = await chromium.NewPageAsync(app.Address, 1080, 1920);
        await kiosk.GotoAsync($"/kiosk/{Demo.City}#checkin");
        await kiosk.FillAsync("#checkin-code", code);
        await kiosk.ClickAsync("#checkin-submit");
        await Assertions.Expect(kiosk.Locator("#checked-in")).ToBeVisibleAsync();
        Assert.Matches("^A\\d{3}$", (await kiosk.Locator("#issued-number").TextContentAsync())!.Trim());
        await Chromium.ScreenshotAsync(kiosk, "citizen-kiosk-booking-checked-in");
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("#booking-status")).ToHaveTextAsync("已签到");

        var manager = await app.SignedInAsync("manager");
        var hours = Enumerable.Range(1, 5).Select(d => new { weekday = ((DayOfWeek)d).ToString().ToLowerInvariant(), opens = "09:00", closes = "17:00" });
        (await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/hours", new { hours })).EnsureSuccessStatusCode();
        clock.Set(CitizenApi.Shanghai(23, 17, 30));
        await kiosk.Clock.InstallAsync();
        await kiosk.GotoAsync($"/kiosk/{Demo.City}");
        await Assertions.Expect(kiosk.Locator("#closed")).ToBeVisibleAsync();
        await Assertions.Expect(kiosk.Locator("#next-opening")).ToHaveTextAsync("2026-11-24 09:00");
        Assert.Equal(0, await kiosk.Locator("button[data-service]").CountAsync());
        await Chromium.ScreenshotAsync(kiosk, "citizen-kiosk-closed");

        // Nobody touches an unattended kiosk overnight: once the hall opens it offers tickets by itself.
        clock.Set(CitizenApi.Shanghai(24, 9, 1));
        await kiosk.Clock.RunForAsync(91_000);
        await Assertions.Expect(kiosk.Locator($"button[data-service='{Demo.SocialInsurance}']")).ToBeVisibleAsync();
        await Assertions.Expect(kiosk.Locator("#closed")).ToHaveCountAsync(0);
    }
}
