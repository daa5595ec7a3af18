using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Floor;

/// <summary>Screens left alone for days: they come back after a server restart and do not grow.</summary>
public sealed class UnattendedScreensTests
{
    [Fact]
    public async Task EveryScreenRecoversAfterTheServerIsKilledAndStartedAgain()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        // Development makes the server process serve the Razor libraries' static files from the build output.
        var settings = db.Settings().Append(new("ASPNETCORE_ENVIRONMENT", "Development")).ToList();
        var port = ServerProcess.FreePort();
        ServerProcess? server = await ServerProcess.StartAsync(settings, port);
        try
        {
            var citizen = new HttpClient { BaseAddress = server.Address };
            var first = await citizen.IssueAsync(Demo.SocialInsurance);
            var second = await citizen.IssueAsync(Demo.SocialInsurance);
            await using var chromium = await Chromium.LaunchAsync();
            var wall = await FloorPages.WallAsync(chromium, server.Address);
            var led = await FloorPages.WindowDisplayAsync(chromium, server.Address, 5);
            var terminal = await FloorPages.TerminalAsync(chromium, server.Address, 5);
            var phone = await chromium.NewPageAsync(server.Address, 390, 844);
            await phone.GotoAsync(second.TrackUrl!);
            await Expect(phone.Locator("#status")).ToHaveTextAsync("等候中");

            var staff = await StaffAsync(server.Address);
            (await staff.WindowAsync(5, "call-next")).EnsureSuccessStatusCode();
            await Expect(led.Locator("#led-ticket")).ToHaveTextAsync(first.Number);

            server.Kill9();
            await Expect(wall.Locator("#qh-offline")).ToHaveClassAsync(new Regex("show"), new() { Timeout = 15_000 });
            await Expect(led.Locator("#qh-offline")).ToHaveClassAsync(new Regex("show"), new() { Timeout = 15_000 });
            await server.DisposeAsync();
            server = null;
            server = await ServerProcess.StartAsync(settings, port);
            staff = await StaffAsync(server.Address);
            (await staff.WindowAsync(5, "no-show")).EnsureSuccessStatusCode();
            var called = await (await staff.WindowAsync(5, "call-next")).ReadAsync<TicketDto>();
            Assert.Equal(second.Id, called.Id);

            var recovery = new Microsoft.Playwright.LocatorAssertionsToHaveTextOptions { Timeout = 30_000 };
            await Expect(wall.Locator("#latest .latest-number")).ToHaveTextAsync(second.Number, recovery);
            await Expect(led.Locator("#led-ticket")).ToHaveTextAsync(second.Number, recovery);
            await Expect(terminal.Locator(".current-number")).ToHaveTextAsync(second.Number, recovery);
            await Expect(phone.Locator("#window")).ToContainTextAsync("5", new() { Timeout = 30_000 });
            await Expect(wall.Locator("#qh-offline")).Not.ToHaveClassAsync(new Regex("show"));

            // Live again, not just resynchronised once: the next change arrives by push.
            (await staff.WindowAsync(5, "start")).EnsureSuccessStatusCode();
            (await staff.WindowAsync(5, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
            await Expect(led.Locator("#led")).ToHaveAttributeAsync("data-state", "open", new() { Timeout = 1000 });
            await Expect(phone.Locator("#status")).ToHaveTextAsync("已办结", new() { Timeout = 1000 });
        }
        finally
        {
            if (server is not null) await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ScreensKeepABoundedDomAndListenerCountUnderManyUpdates()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        await using var chromium = await Chromium.LaunchAsync();
        var wall = await FloorPages.WallAsync(chromium, app.Address, query: "?voice=off");
        var led = await FloorPages.WindowDisplayAsync(chromium, app.Address, 14);
        var terminal = await FloorPages.TerminalAsync(chromium, app.Address, 14);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff14");

        async Task CyclesAsync(int n)
        {
            for (var i = 0; i < n; i++)
            {
                await citizen.IssueAsync(Demo.Invoice);
                (await staff.WindowAsync(14, "call-next")).EnsureSuccessStatusCode();
                (await staff.WindowAsync(14, "start")).EnsureSuccessStatusCode();
                (await staff.WindowAsync(14, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
            }
            var last = await (await staff.GetAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(14)}")).Content.ReadAsStringAsync();
            await Expect(terminal.Locator("#today-completed")).ToHaveTextAsync(Regex.Match(last, "\"completed\":(\\d+)").Groups[1].Value);
            await Expect(led.Locator("#led")).ToHaveAttributeAsync("data-state", "open");
        }

        await CyclesAsync(12); // fills the recent-calls list
        var before = await Task.WhenAll(FloorPages.MemoryAsync(wall), FloorPages.MemoryAsync(led), FloorPages.MemoryAsync(terminal));
        await CyclesAsync(60); // 240 commands, about 480 pushes to each page
        var after = await Task.WhenAll(FloorPages.MemoryAsync(wall), FloorPages.MemoryAsync(led), FloorPages.MemoryAsync(terminal));

        for (var i = 0; i < before.Length; i++)
        {
            Assert.True(after[i].Nodes <= before[i].Nodes + 20, $"screen {i}: DOM nodes grew from {before[i].Nodes} to {after[i].Nodes}");
            Assert.True(after[i].Listeners <= before[i].Listeners + 2, $"screen {i}: listeners grew from {before[i].Listeners} to {after[i].Listeners}");
        }
        Assert.Equal(4, await wall.Locator("#recent tr").CountAsync()); // the latest call is the banner; four more fit beside the presence code
    }

    private static async Task<HttpClient> StaffAsync(Uri address)
    {
        var client = new HttpClient { BaseAddress = address };
        var res = await client.PostAsJsonAsync("/api/auth/login", new { username = "staff05", password = "demo123" });
        res.EnsureSuccessStatusCode();
        var token = (await res.Content.ReadFromJsonAsync<Login>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record Login(string AccessToken);
}
