using System.Net.Http.Json;
using Microsoft.Playwright;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>The evaluator console, a case worked through its forms, the public page and the pad, in real Chromium.</summary>
public sealed class RatingBrowserTests
{
    [Fact]
    public async Task EvaluatorFiltersTheConsoleWorksACaseToClosureAndThePublicPageShowsNoPersonalData()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var citizen = app.CreateClient();
        var staff07 = await app.SignedInAsync("staff07");
        var staff14 = await app.SignedInAsync("staff14");
        foreach (var level in new[] { "verySatisfied", "verySatisfied", "satisfied", "basicallySatisfied" })
            await citizen.RatedAsync(await staff07.ServeAsync(citizen, 7), level, level == "verySatisfied" ? ["办事高效"] : null);
        var bad = await staff07.ServeAsync(citizen, 7);
        await citizen.RatedAsync(bad, "dissatisfied", ["等候时间长"], "排队一个多小时", "13912345678");
        foreach (var level in new[] { "verySatisfied", "satisfied" })
            await citizen.RatedAsync(await staff14.ServeAsync(citizen, 14, Demo.Invoice), level);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(app.Address, 1440, 1000);
        await page.GotoAsync("/ratings");
        await page.FillAsync("input[name=username]", "evaluator");
        await page.FillAsync("input[name=password]", "demo123");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("好差评");
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("85.7%"); // 6 of 7 satisfied
        await Assertions.Expect(page.Locator("#ratings tr.bad .phone")).ToHaveTextAsync("13912345678");
        await Assertions.Expect(page.Locator("#formula")).ToContainTextAsync("0.6");
        Assert.Equal(2, await page.Locator("svg.ranking rect.bar").CountAsync());
        // The trend is an interactive island (decision 0087): shot once its axes are drawn.
        await Assertions.Expect(page.Locator("#trend .rz-axis-title").First).ToBeAttachedAsync(new() { Timeout = 30000 });
        await Chromium.ScreenshotAsync(page, "ratings-console");

        // Filter to the bad ratings only.
        await page.SelectOptionAsync("select[name=level]", "dissatisfied");
        await page.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(page.Locator("#ratings tbody tr")).ToHaveCountAsync(1);
        Assert.Contains("level=dissatisfied", page.Url);

        await page.ClickAsync("#cases tbody a");
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("待核实");
        foreach (var (action, note, after) in new[] { ("verify", "调取录像，情况属实", "待整改"), ("rectify", "增开窗口，分流引导", "待回访"), ("reply", "已电话回访", "待办结"), ("close", "办结", "已办结") })
        {
            await page.FillAsync("textarea[name=note]", note);
            await page.ClickAsync($"button[data-action={action}]");
            await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync(after);
        }
        await Assertions.Expect(page.Locator("#trail tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#trail")).ToContainTextAsync("增开窗口，分流引导");
        await Assertions.Expect(page.Locator("#case-form")).ToHaveCountAsync(0);
        await Chromium.ScreenshotAsync(page, "rating-case");

        var pub = await chromium.NewPageAsync(app.Address, 1280, 900);
        await pub.GotoAsync($"/public/{Demo.City}");
        await Assertions.Expect(pub.Locator("#rectified")).ToHaveTextAsync("1");
        await Assertions.Expect(pub.Locator("body")).ToContainTextAsync("7号企业开办");
        var text = await pub.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("13912345678", text);
        Assert.DoesNotContain("排队一个多小时", text);
        Assert.DoesNotContain("赵磊", text);
        await Chromium.ScreenshotAsync(pub, "public-results");
    }

    [Fact]
    public async Task PairedPadShowsTheStaffOnDutyAndCollectsTheRatingOfTheTicketJustCompleted()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var pad = await PairedPadAtWindow7Async(app, chromium);
        await Assertions.Expect(pad.Locator("#staff-number")).ToHaveTextAsync("JC1007");
        Assert.DoesNotContain("key=", pad.Url);
        await Chromium.ScreenshotAsync(pad, "pad-idle");

        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        await Assertions.Expect(pad.Locator("#rate")).ToBeVisibleAsync(new() { Timeout = 3000 });
        await Assertions.Expect(pad.Locator("#rate-number")).ToHaveTextAsync(ticket.Number);
        // A pad that reloads (or reconnects) gets the pending invitation back from JoinPad, with the key it kept.
        await pad.ReloadAsync();
        await Assertions.Expect(pad.Locator("#rate-number")).ToHaveTextAsync(ticket.Number, new() { Timeout = 5000 });
        await pad.ClickAsync(".pad-face[data-level=satisfied]");
        await pad.ClickAsync(".pad-tag[data-tag=服务热情]");
        await pad.FillAsync("#comment", "讲解很耐心");
        await Chromium.ScreenshotAsync(pad, "pad-rating");
        await pad.ClickAsync("#submit");
        await Assertions.Expect(pad.Locator("#thanks")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(pad, "pad-thanks");

        var evaluator = await app.SignedInAsync("evaluator");
        var rating = (await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json))!.Single();
        Assert.Equal((ticket.Id, "pad", "satisfied", "讲解很耐心", "staff07"), (rating.TicketId, rating.Channel, rating.Level, rating.Comment, rating.StaffId));
        Assert.Equal(["服务热情"], rating.Tags);
        // The pad's rating was the ticket's one rating.
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await citizen.RateAsync(ticket, "verySatisfied")).StatusCode);
        // After the thank-you the pad returns to the staff card by itself.
        await Assertions.Expect(pad.Locator("#idle")).ToBeVisibleAsync(new() { Timeout = 8000 });

        // A pad that was never paired (or whose key was replaced) gets nothing.
        var stranger = await chromium.NewPageAsync(app.Address, 1280, 800);
        await stranger.GotoAsync($"/pad/{Demo.City}/{Demo.Window(8)}");
        await Assertions.Expect(stranger.Locator("#unpaired")).ToBeVisibleAsync();
        var forged = await chromium.NewPageAsync(app.Address, 1280, 800);
        await forged.GotoAsync($"/pad/{Demo.City}/{Demo.Window(7)}?key=guessed");
        await Assertions.Expect(forged.Locator("#unpaired")).ToBeVisibleAsync(new() { Timeout = 5000 });
    }

    [Fact]
    public async Task PadThanksNormallyAgainAfterAnAlreadyRatedAnswer()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var pad = await PairedPadAtWindow7Async(app, chromium);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var thanks = pad.Locator("#thanks p");

        // The holder rated on the phone first: the pad's rating is answered 409 and says so.
        var first = await staff.ServeAsync(citizen, 7);
        await Assertions.Expect(pad.Locator("#rate-number")).ToHaveTextAsync(first.Number, new() { Timeout = 3000 });
        await citizen.RatedAsync(first, "satisfied");
        await pad.ClickAsync(".pad-face[data-level=satisfied]");
        await pad.ClickAsync("#submit");
        await Assertions.Expect(thanks).ToHaveTextAsync("本次服务已评价，感谢您！");

        // The next citizen's rating is thanked with the usual words, not the last one's.
        var second = await staff.ServeAsync(citizen, 7);
        await Assertions.Expect(pad.Locator("#rate-number")).ToHaveTextAsync(second.Number, new() { Timeout = 3000 });
        await pad.ClickAsync(".pad-face[data-level=verySatisfied]");
        await pad.ClickAsync("#submit");
        await Assertions.Expect(pad.Locator("#thanks")).ToBeVisibleAsync();
        await Assertions.Expect(thanks).ToHaveTextAsync("您的评价将督促我们持续改进服务。");
    }

    [Fact]
    public async Task HolderRatesOnThePhoneAndAddsTheFollowUpAfterTheCaseClosed()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);

        await using var chromium = await Chromium.LaunchAsync();
        var phone = await chromium.NewPageAsync(app.Address, 390, 844);
        await phone.GotoAsync($"/rate/{ticket.Id}?token={Uri.EscapeDataString(ticket.Token!)}");
        await Assertions.Expect(phone.Locator(".tags-dissatisfied")).ToBeHiddenAsync();
        await phone.ClickAsync(".pad-face.level-4");
        await Assertions.Expect(phone.Locator(".tags-dissatisfied")).ToBeVisibleAsync();
        await phone.CheckAsync("input[value='dissatisfied:材料要求不清']");
        await phone.FillAsync("textarea[name=comment]", "材料清单和窗口说的不一样");
        await phone.FillAsync("input[name=phone]", "13700001111");
        await Chromium.ScreenshotAsync(phone, "rate-phone");
        await phone.ClickAsync("button[type=submit]");
        await Assertions.Expect(phone.Locator("#rate-done")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#rated")).ToContainTextAsync("不满意");

        var evaluator = await app.SignedInAsync("evaluator");
        var c = await evaluator.CaseOfAsync(ticket.Id);
        Assert.Equal(["材料要求不清"], (await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json))!.Single().Tags);
        foreach (var step in new[] { "verify", "rectify", "reply", "close" }) (await evaluator.StepAsync(c.Id, step)).EnsureSuccessStatusCode();

        await phone.GotoAsync($"/rate/{ticket.Id}?token={Uri.EscapeDataString(ticket.Token!)}");
        await phone.ClickAsync(".pad-face.level-2");
        await phone.ClickAsync("button[type=submit]");
        await Assertions.Expect(phone.Locator("#rated")).ToContainTextAsync("满意");
        await Assertions.Expect(phone.Locator("#rate-form")).ToHaveCountAsync(0);
        await Chromium.ScreenshotAsync(phone, "rate-phone-follow-up");
    }

    [Fact]
    public async Task ARefusedRatingIsToldInChineseAndKeepsWhatTheCitizenChose()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var ticket = await staff.ServeAsync(citizen, 7);
        var url = $"/rate/{ticket.Id}?token={Uri.EscapeDataString(ticket.Token!)}";

        await using var chromium = await Chromium.LaunchAsync();
        var phone = await chromium.NewPageAsync(app.Address, 390, 844);
        // A second tab on the same form: it is submitted after the first rating went in.
        var again = await chromium.NewPageAsync(app.Address, 390, 844);
        await again.GotoAsync(url);
        await phone.GotoAsync(url);
        await phone.ClickAsync(".pad-face.level-4");
        await phone.CheckAsync("input[value='dissatisfied:等候时间长']");
        await phone.FillAsync("textarea[name=comment]", "排队一个多小时");
        await phone.FillAsync("input[name=phone]", "138 1234 567o"); // a letter o for a zero
        await phone.ClickAsync("button[type=submit]");
        await Assertions.Expect(phone.Locator("#rate-error")).ToHaveTextAsync("回访电话应为5至20位数字（可含空格、短横线），请重新填写。");
        await Assertions.Expect(phone.Locator("input[name=level][value=dissatisfied]")).ToBeCheckedAsync();
        await Assertions.Expect(phone.Locator("input[value='dissatisfied:等候时间长']")).ToBeCheckedAsync();
        await Assertions.Expect(phone.Locator(".tags-dissatisfied")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("textarea[name=comment]")).ToHaveValueAsync("排队一个多小时");
        await Chromium.ScreenshotAsync(phone, "rate-phone-refused");

        // The number as people write it is fine.
        await phone.FillAsync("input[name=phone]", "138 1234 5678");
        await phone.ClickAsync("button[type=submit]");
        await Assertions.Expect(phone.Locator("#rate-done")).ToBeVisibleAsync();
        var evaluator = await app.SignedInAsync("evaluator");
        var rating = (await evaluator.GetFromJsonAsync<List<RatingDto>>($"/api/ratings?hallId={Demo.City}", ApiCalls.Json))!.Single();
        Assert.Equal(("13812345678", "排队一个多小时"), (rating.Phone, rating.Comment));
        Assert.Equal(["等候时间长"], rating.Tags);

        // 一次一评: the other tab's submit is refused in the page's language, never the API's English.
        await again.ClickAsync(".pad-face.level-1");
        await again.ClickAsync("button[type=submit]");
        await Assertions.Expect(again.Locator("#rate-error")).ToHaveTextAsync($"{ticket.Number} 号已评价，一次一评，感谢您！");
        await Assertions.Expect(again.Locator("#rated")).ToContainTextAsync("不满意");
        // The form's redirect carries the refusal's wording key and arguments; the page words them in its language.
        var refusedUrl = again.Url[again.Url.IndexOf("/rate/", StringComparison.Ordinal)..];
        Assert.Contains("why=rating.already", refusedUrl);
        Assert.Contains($"Ticket {ticket.Number} has been rated already (one rating per service)", await citizen.GetStringAsync(refusedUrl + "&culture=en"));
    }

    [Fact]
    public async Task ManagerPairsTheTabletFromTheTabletAndIsSignedOutOnIt()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await app.AttendAsync(5); // 陈静 at window 5
        await using var chromium = await Chromium.LaunchAsync();
        var tablet = await chromium.NewPageAsync(app.Address, 1280, 800);
        await tablet.GotoAsync($"/pad/{Demo.City}/{Demo.Window(5)}/pair");
        await tablet.FillAsync("input[name=username]", "manager");
        await tablet.FillAsync("input[name=password]", "demo123");
        await tablet.ClickAsync("button[type=submit]");
        await tablet.ClickAsync("#pair");
        await Assertions.Expect(tablet.Locator("#staff-name")).ToHaveTextAsync("陈静");
        await Assertions.Expect(tablet.Locator("#unpaired")).ToBeHiddenAsync();
        Assert.EndsWith($"/pad/{Demo.City}/{Demo.Window(5)}", tablet.Url);

        // Nobody is signed in on the tablet any more.
        await tablet.GotoAsync("/ratings");
        Assert.Contains("/login", tablet.Url);
        // And the key stayed on the device: the pad works after coming back without it in the address.
        await tablet.GotoAsync($"/pad/{Demo.City}/{Demo.Window(5)}");
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff05");
        var ticket = await staff.ServeAsync(citizen, 5, Demo.SocialInsurance);
        await Assertions.Expect(tablet.Locator("#rate-number")).ToHaveTextAsync(ticket.Number, new() { Timeout = 3000 });
    }

    private sealed record Pairing(string PadUrl);

    /// <summary>The manager pairs a pad with window 7 and the pad opens its URL, showing the staff on duty (赵磊).</summary>
    private static async Task<IPage> PairedPadAtWindow7Async(QueueApp app, Chromium chromium)
    {
        await app.AttendAsync(7); // 赵磊 sits down at window 7 (the demo opens it with nobody at it)
        var manager = await app.SignedInAsync("manager");
        var pairing = await (await manager.PostAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(7)}/pad", null)).Content.ReadFromJsonAsync<Pairing>();
        var pad = await chromium.NewPageAsync(app.Address, 1280, 800);
        await pad.GotoAsync(pairing!.PadUrl);
        await Assertions.Expect(pad.Locator("#staff-name")).ToHaveTextAsync("赵磊");
        return pad;
    }
}
