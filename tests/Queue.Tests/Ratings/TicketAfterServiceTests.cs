using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Ratings;

/// <summary>
/// The ticket and rating pages once the visit is over (issue 17, defect 5): a missed ticket says what to do, paging is
/// offered only while a ticket can still be called, a rated ticket no longer invites a rating, and the rating page
/// names what is rated, with 非常不满意 on one line even on a narrow phone.
/// </summary>
public sealed class TicketAfterServiceTests
{
    [Fact]
    public async Task AfterTheVisitTheTicketSaysWhatNextAndTheRatingPageNamesMatterWindowAndStaff()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var missed = await citizen.IssueAsync(Demo.CompanySetup);
        (await staff.WindowAsync(7, "call-next")).EnsureSuccessStatusCode();
        (await staff.WindowAsync(7, "no-show")).EnsureSuccessStatusCode();
        var served = await staff.ServeAsync(citizen, 7);
        await using var chromium = await Chromium.LaunchAsync();
        var phone = await chromium.NewPageAsync(app.Address, 360, 740);

        await phone.GotoAsync(missed.TrackUrl!);
        await Expect(phone.Locator("#missed")).ToBeVisibleAsync();
        await Expect(phone.Locator("#missed")).ToContainTextAsync("重新取号");
        await Expect(phone.Locator("#retake")).ToHaveAttributeAsync("href", $"/m/{Demo.City}");
        await Expect(phone.Locator("#enable-alerts")).ToBeHiddenAsync();
        await Chromium.ScreenshotAsync(phone, "citizen-ticket-missed");

        await phone.GotoAsync(served.TrackUrl!);
        await Expect(phone.Locator("#enable-alerts")).ToBeHiddenAsync();
        await Expect(phone.Locator("#missed")).ToBeHiddenAsync();
        await Expect(phone.Locator("#rate-link")).ToHaveTextAsync("评价本次服务");
        await phone.ClickAsync("#rate-link");

        await Expect(phone.Locator("#rate-service")).ToHaveTextAsync("企业设立登记（一照通办）");
        await Expect(phone.Locator("#rate-window")).ToContainTextAsync("7 号窗口");
        await Expect(phone.Locator("#rate-staff")).ToContainTextAsync("工号");
        var lines = await phone.EvaluateAsync<int[]>("""
            () => [...document.querySelectorAll('.rate-faces .pad-face span')].map(s => {
              const r = document.createRange(); r.selectNodeContents(s);
              return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;
            })
            """);
        Assert.Equal([1, 1, 1, 1, 1], lines);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= innerWidth"), "the rating page scrolls sideways");
        await Chromium.ScreenshotAsync(phone, "rating-phone-subject");

        await phone.Locator(".pad-face.level-2").ClickAsync();
        await phone.ClickAsync("#rate-form button[type=submit]");
        await Expect(phone.Locator("#rate-done")).ToBeVisibleAsync();
        await phone.GotoAsync(served.TrackUrl!);
        await Expect(phone.Locator("#rate-link")).ToHaveTextAsync("已评价 · 查看我的评价");
    }
}
