using Queue.Tests.Infrastructure;

namespace Queue.Tests.Floor;

/// <summary>
/// The wall display's voice calling, heard through a recorder that stands in for the speech engine
/// (speechSynthesis.speak) and counts the chime's tones.
/// </summary>
public sealed class VoiceCallingTests
{
    [Fact]
    public async Task CallsInQuickSuccessionAreAllSpokenInOrderWithTheRepeatCountAndAChime()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var wall = await FloorPages.WallAsync(chromium, app.Address, query: "?repeat=2");
        var citizen = app.CreateClient();
        var manager = await app.SignedInAsync("manager");
        var first = await citizen.IssueAsync(Demo.Invoice);
        var second = await citizen.IssueAsync(Demo.Invoice);
        var third = await citizen.IssueAsync(Demo.Invoice);

        // Three windows call within a few milliseconds of each other, then the first recalls.
        var calls = new[] { 14, 15, 2 }.Select(w => manager.WindowAsync(w, "call-next")).ToList();
        foreach (var call in calls) (await call).EnsureSuccessStatusCode();
        (await manager.WindowAsync(14, "recall")).EnsureSuccessStatusCode();

        await wall.WaitForFunctionAsync("() => window.__spoken.length >= 8", null, new() { Timeout = 30_000 });
        var heard = await wall.EvaluateAsync<string[]>("() => window.__spoken");
        var called = System.Text.Json.JsonSerializer.Deserialize<CallDto[]>(await wall.EvaluateAsync<string>("() => JSON.stringify(window.__calls)"), ApiCalls.Json)!;
        Assert.Equal(4, called.Length);
        // Spoken in the order the calls were pushed, each twice, the recall last.
        var expected = called.SelectMany(c => Enumerable.Repeat(FloorPages.Spoken(c.TicketNumber, Words(c.WindowNumber), c.IsRecall), 2)).ToArray();
        Assert.Equal(expected, heard);
        Assert.Equal(new[] { first.Number, second.Number, third.Number }.Order(), called.Take(3).Select(c => c.TicketNumber).Order());
        Assert.Equal(FloorPages.Spoken(called[3].TicketNumber, "十四", recall: true), heard[6]);
        Assert.True(called[3].IsRecall);
        Assert.True(await wall.EvaluateAsync<int>("() => window.__tones") >= 8, "a two-tone chime before each of the four calls");
    }

    [Fact]
    public async Task NumbersAreReadTheWayAHallReadsThem()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var wall = await FloorPages.WallAsync(chromium, app.Address, query: "?repeat=1");
        var words = await wall.EvaluateAsync<string[]>("() => [1, 5, 10, 12, 20, 21, 100, 105, 110].map(QueueHallAnnouncer.numberWords)");
        Assert.Equal(["一", "五", "十", "十二", "二十", "二十一", "一百", "一百零五", "一百一十"], words);
        Assert.Equal("请 A零一二 号到 五 号窗口办理", await wall.EvaluateAsync<string>("() => QueueHallAnnouncer.sentence({ ticketNumber: 'A012', windowNumber: 5 })"));
    }

    [Fact]
    public async Task ASilencedWallAnnouncesNothing()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var wall = await FloorPages.WallAsync(chromium, app.Address, query: "?voice=off");
        var ticket = await app.CreateClient().IssueAsync(Demo.Invoice);
        (await (await app.SignedInAsync("staff14")).WindowAsync(14, "call-next")).EnsureSuccessStatusCode();
        await wall.WaitForFunctionAsync("() => window.__calls.length === 1");
        await Microsoft.Playwright.Assertions.Expect(wall.Locator("#latest .latest-number")).ToHaveTextAsync(ticket.Number);
        await Task.Delay(1500);
        Assert.Equal(0, await wall.EvaluateAsync<int>("() => window.__spoken.length"));
    }

    private static string Words(int n) => n switch { 2 => "二", 14 => "十四", 15 => "十五", _ => throw new ArgumentOutOfRangeException(nameof(n)) };

    private sealed record CallDto(string TicketNumber, int WindowNumber, bool IsRecall);
}
