using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Citizen;

/// <summary>
/// Booking on the phone (issue 17, defect 3): a refused form comes back as it was typed, with the field at fault marked
/// and its message next to it; the confirmation says where to go: the hall's name, address and a map link.
/// </summary>
public sealed class BookingFormTests
{
    [Fact]
    public async Task ARefusedBookingKeepsWhatWasTypedAndMarksTheFieldAndTheConfirmationSaysWhereToGo()
    {
        var clock = new ManualClock(CitizenApi.MondayMorning);
        await using var app = await QueueApp.StartAsync(settings: CitizenApi.Settings(), clock: clock, kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var phone = await chromium.NewPageAsync(app.Address, 390, 844);
        await phone.GotoAsync($"/book/{Demo.City}?service={Demo.SocialInsurance}");
        var slot = phone.Locator($"input[name=slot][value='{CitizenApi.Shanghai(23, 10).UtcTicks}']");
        await slot.CheckAsync();
        await phone.FillAsync("input[name=name]", "李小红");
        await phone.FillAsync("input[name=phone]", "13912345678");
        await phone.FillAsync("input[name=idNumber]", "110105194912310021"); // wrong check digit
        await phone.ClickAsync("#book-submit");

        await Expect(phone.Locator("#err-idNumber")).ToContainTextAsync("身份证号码无效");
        await Expect(phone.Locator("input[name=idNumber]")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(phone.Locator("input[name=idNumber]")).ToHaveValueAsync("110105194912310021");
        await Expect(phone.Locator("input[name=name]")).ToHaveValueAsync("李小红");
        await Expect(phone.Locator("input[name=phone]")).ToHaveValueAsync("13912345678");
        await Expect(slot).ToBeCheckedAsync();
        await Expect(phone.Locator("input[name=name]")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        // Nothing typed travels in the address, where it would be logged.
        Assert.DoesNotContain("110105194912310021", phone.Url);
        Assert.DoesNotContain(Uri.EscapeDataString("李小红"), phone.Url);
        await phone.Locator("#err-idNumber").ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(phone, "citizen-booking-refused");

        // A reload after that starts empty: the typed values were read once.
        await phone.ReloadAsync();
        await Expect(phone.Locator("input[name=name]")).ToHaveValueAsync("");

        await slot.CheckAsync();
        await phone.FillAsync("input[name=name]", "李小红");
        await phone.FillAsync("input[name=phone]", "13912345678");
        await phone.FillAsync("input[name=idNumber]", CitizenApi.NewIdNumber());
        await phone.ClickAsync("#book-submit");
        await Expect(phone.Locator("#booked")).ToBeVisibleAsync();
        await Expect(phone.Locator("#hall-name")).ToHaveTextAsync("江城市政务服务中心");
        await Expect(phone.Locator("#hall-address")).ToHaveTextAsync("江城市市民之家一楼大厅");
        var map = await phone.Locator("#hall-map").GetAttributeAsync("href");
        Assert.StartsWith("https://uri.amap.com/search?keyword=", map);
        Assert.Contains(Uri.EscapeDataString("江城市市民之家一楼大厅"), map);
        await phone.Locator("#booking-hall").ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(phone, "citizen-booking-confirmed");
    }
}
