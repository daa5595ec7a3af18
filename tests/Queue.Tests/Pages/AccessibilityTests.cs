using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Queue.Tests.Citizen;
using Queue.Tests.Infrastructure;
using Queue.Tests.Ratings;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Pages;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) over every page in its main states (issue 17, defect 10), the wall during its
/// flash included: no serious or critical finding, and each page with exactly one title, a main landmark and a heading.
/// </summary>
public sealed class AccessibilityTests
{
    [Fact]
    public async Task EveryPageInItsMainStatesHasNoSeriousOrCriticalFindingsAMainLandmarkAHeadingAndOneTitle()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 10));
        await using var app = await QueueApp.StartAsync(settings: CitizenApi.Settings(), clock: clock, kestrel: true);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var evaluator = await app.SignedInAsync("evaluator");
        var missed = await citizen.IssueAsync(Demo.CompanySetup);
        (await staff.WindowAsync(7, "call-next")).EnsureSuccessStatusCode();
        (await staff.WindowAsync(7, "no-show")).EnsureSuccessStatusCode();
        var served = await staff.ServeAsync(citizen, 7);
        var bad = await staff.ServeAsync(citizen, 7);
        await citizen.RatedAsync(bad, "dissatisfied", ["等候时间长"], "排队太久");
        var caseId = (await evaluator.CaseOfAsync(bad.Id)).Id;
        var waiting = await citizen.IssueAsync(Demo.SocialInsurance);
        var calledSoon = await citizen.IssueAsync(Demo.CompanySetup);
        var booked = await (await citizen.BookAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 14))).ReadAsync<BookingDto>();

        await using var chromium = await Chromium.LaunchAsync();
        var report = new StringBuilder();
        var failures = new List<string>();
        async Task CheckAsync(IPage page, string state)
        {
            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            var line = $"{state}: {serious.Count} serious/critical ({result.Passes.Length} rules passed, {result.Violations.Length - serious.Count} minor/moderate)" + (serious.Count == 0 ? "" : " — " + string.Join("; ", serious.Select(v =>
                $"{v.Id} ({v.Impact}) ×{v.Nodes.Length}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html.Length > 120 ? n.Html[..120] : n.Html))}")));
            report.AppendLine(line);
            if (serious.Count > 0) failures.Add(line);
            var counts = await page.EvaluateAsync<int[]>(
                "() => [document.querySelectorAll('title:not(svg title)').length, document.querySelectorAll('main, [role=main]').length, document.querySelectorAll('h1').length]");
            var (titles, mains, headings) = (counts[0], counts[1], counts[2]);
            if (titles != 1 || mains != 1 || headings < 1) failures.Add($"{state}: {titles} titles, {mains} main landmarks, {headings} h1");
        }

        // Citizens: home, kiosk (plain, large, ticket issued, check-in refused), phone, ticket states, presence, booking.
        var phone = await chromium.NewPageAsync(app.Address, 390, 844);
        await phone.GotoAsync("/");
        await CheckAsync(phone, "home");
        await phone.GotoAsync("/login");
        await CheckAsync(phone, "login");
        // One title, in the page's language: the English page no longer shows a Chinese title.
        await phone.GotoAsync("/?culture=en");
        Assert.Equal("QueueHall · Halls", await phone.TitleAsync());
        var kiosk = await chromium.NewPageAsync(app.Address, 1080, 1920);
        await kiosk.GotoAsync($"/kiosk/{Demo.City}");
        await CheckAsync(kiosk, "kiosk");
        await kiosk.GotoAsync($"/kiosk/{Demo.City}?large=1");
        await CheckAsync(kiosk, "kiosk large");
        await kiosk.FillAsync("#checkin-code", "12345678");
        await kiosk.ClickAsync("#checkin-submit");
        await Expect(kiosk.Locator("#kiosk-error")).ToBeVisibleAsync();
        await CheckAsync(kiosk, "kiosk check-in refused");
        await kiosk.ClickAsync($"button[data-service='{Demo.Invoice}']");
        await Expect(kiosk.Locator("#issued-number")).ToBeVisibleAsync();
        await CheckAsync(kiosk, "kiosk ticket issued");
        await phone.GotoAsync($"/m/{Demo.City}");
        await CheckAsync(phone, "phone hall");
        await phone.GotoAsync(waiting.TrackUrl!);
        await CheckAsync(phone, "ticket waiting");
        await phone.GotoAsync(missed.TrackUrl!);
        await CheckAsync(phone, "ticket missed");
        await phone.GotoAsync(served.TrackUrl!);
        await CheckAsync(phone, "ticket done");
        await phone.GotoAsync($"/rate/{served.Id}?token={served.Token}");
        await CheckAsync(phone, "rating page");
        await phone.GotoAsync($"/p/{Demo.City}?c=expired");
        await CheckAsync(phone, "presence refused");
        await phone.GotoAsync($"/book/{Demo.City}");
        await CheckAsync(phone, "booking services");
        await phone.GotoAsync($"/book/{Demo.City}?service={Demo.SocialInsurance}");
        await CheckAsync(phone, "booking form");
        await phone.Locator($"input[name=slot][value='{CitizenApi.Shanghai(23, 15).UtcTicks}']").CheckAsync();
        await phone.FillAsync("input[name=name]", "李小红");
        await phone.FillAsync("input[name=phone]", "139");
        await phone.FillAsync("input[name=idNumber]", CitizenApi.NewIdNumber());
        await phone.ClickAsync("#book-submit");
        await Expect(phone.Locator("#err-phone")).ToBeVisibleAsync();
        await CheckAsync(phone, "booking refused");
        await phone.GotoAsync($"/booking/{booked.Id}?token={booked.Token}&new=1");
        await CheckAsync(phone, "booking confirmed");
        await phone.GotoAsync($"/public/{Demo.City}");
        await CheckAsync(phone, "published results");

        // The hall's hardware: wall (idle and flashing), window display, evaluator pad, and a ticket page being called.
        var wall = await Floor.FloorPages.WallAsync(chromium, app.Address);
        await CheckAsync(wall, "wall");
        var led = await Floor.FloorPages.WindowDisplayAsync(chromium, app.Address, 7);
        var pad = await chromium.NewPageAsync(app.Address, 1280, 800);
        await pad.GotoAsync($"/pad/{Demo.City}/{Demo.Window(7)}");
        await CheckAsync(pad, "evaluator pad");
        (await staff.WindowAsync(7, "call-next")).EnsureSuccessStatusCode();
        await Expect(wall.Locator("#latest.flash")).ToBeVisibleAsync();
        await CheckAsync(wall, "wall during a flash");
        await wall.WaitForTimeoutAsync(500);
        await CheckAsync(wall, "wall during a flash, other half");
        await Expect(led.Locator("#led-ticket")).ToHaveTextAsync(calledSoon.Number);
        await CheckAsync(led, "window display calling");
        await phone.GotoAsync(calledSoon.TrackUrl!);
        await CheckAsync(phone, "ticket called");

        // Right to left: the screens in Uyghur (decision 0106).
        var ugWall = await Floor.FloorPages.WallAsync(chromium, app.Address, query: "?culture=ug");
        await CheckAsync(ugWall, "wall in Uyghur");
        var ugLed = await chromium.NewPageAsync(app.Address, 1280, 320);
        await ugLed.GotoAsync($"/display/{Demo.City}/windows/{Demo.Window(7)}?culture=ug");
        await Expect(ugLed.Locator("#led-ticket")).ToHaveTextAsync(calledSoon.Number);
        await CheckAsync(ugLed, "window display in Uyghur");
        await kiosk.GotoAsync($"/kiosk/{Demo.City}?culture=ug");
        await CheckAsync(kiosk, "kiosk in Uyghur");
        await phone.GotoAsync(calledSoon.TrackUrl! + "&culture=ug");
        await CheckAsync(phone, "ticket called in Uyghur");

        // Staff, managers, evaluators.
        var terminal = await Floor.FloorPages.TerminalAsync(chromium, app.Address, 7);
        await CheckAsync(terminal, "terminal with a called ticket");
        var console = await chromium.NewPageAsync(app.Address, 1600, 1200);
        await console.GotoAsync($"/manage/{Demo.City}");
        await console.FillAsync("input[name=username]", "manager");
        await console.FillAsync("input[name=password]", "demo123");
        await console.ClickAsync("button[type=submit]");
        await Expect(console.Locator("#windows tbody tr").First).ToBeVisibleAsync();
        await CheckAsync(console, "manager console");
        var ratings = await chromium.NewPageAsync(app.Address, 1440, 1000);
        await ratings.GotoAsync("/ratings");
        await ratings.FillAsync("input[name=username]", "evaluator");
        await ratings.FillAsync("input[name=password]", "demo123");
        await ratings.ClickAsync("button[type=submit]");
        await Expect(ratings.Locator("#ratings")).ToBeVisibleAsync();
        await CheckAsync(ratings, "ratings console");
        await ratings.GotoAsync($"/ratings/cases/{caseId}");
        await CheckAsync(ratings, "bad-review case");

        Console.WriteLine("[axe]\n" + report);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
