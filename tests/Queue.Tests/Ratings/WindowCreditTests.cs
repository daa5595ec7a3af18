using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Ratings;
using Queue.Silo.Storage;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>
/// Who a window's work is credited to (decision 0079): the staff member working it, never a manager who
/// opened or called it remotely, and nobody at a closed window.
/// </summary>
public sealed class WindowCreditTests
{
    [Fact]
    public async Task ManagerOpeningAWindowLeavesTheCreditToTheStaffMemberWhoServesThere()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var manager = await app.SignedInAsync("manager");
        (await manager.WindowAsync(5, "close")).EnsureSuccessStatusCode();
        var opened = await (await manager.WindowAsync(5, "open")).ReadAsync<JsonElement>();
        // Opened remotely, the window has nobody at it until its staff member acts there.
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("staffId").ValueKind);
        var pads = app.Services.GetRequiredService<PadDesk>();
        Assert.Null((await pads.ViewAsync(Demo.City, Demo.Window(5))).Staff);

        var staff = await app.SignedInAsync("staff05");
        var ticket = await staff.ServeAsync(citizen, 5, Demo.SocialInsurance);
        var rating = await citizen.RatedAsync(ticket, "veryDissatisfied", comment: "等太久");
        Assert.Equal("staff05", rating.StaffId);
        var evaluator = await app.SignedInAsync("evaluator");
        Assert.Equal("staff05", (await evaluator.CaseOfAsync(ticket.Id)).StaffId);
        var byStaff = await evaluator.GetFromJsonAsync<ScoresDto>($"/api/halls/{Demo.City}/rating-scores?by=staff&period=month", ApiCalls.Json);
        Assert.Equal(1, byStaff!.Rows.Single(r => r.Key == "staff05").Bad);
        Assert.DoesNotContain(byStaff.Rows, r => r.Key == "manager");
        Assert.Equal(("陈静", "JC1005"), ((await pads.ViewAsync(Demo.City, Demo.Window(5))).Staff!.Name, (await pads.ViewAsync(Demo.City, Demo.Window(5))).Staff!.StaffNumber));
    }

    [Fact]
    public async Task ManagerCallingAtAStaffedWindowCreditsTheStaffMemberSignedInThere()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff05");
        (await staff.WindowAsync(5, "close")).EnsureSuccessStatusCode();
        (await staff.WindowAsync(5, "open")).EnsureSuccessStatusCode();
        // The manager helps from the console: the person at the counter is still staff05.
        var manager = await app.SignedInAsync("manager");
        var ticket = await manager.ServeAsync(citizen, 5, Demo.SocialInsurance);
        Assert.Equal("staff05", (await citizen.RatedAsync(ticket, "satisfied")).StaffId);
        Assert.Equal("陈静", (await app.Services.GetRequiredService<PadDesk>().ViewAsync(Demo.City, Demo.Window(5))).Staff!.Name);
    }

    [Fact]
    public async Task ClosedWindowHasNobodyAtItOnThePad()
    {
        await using var app = await QueueApp.StartAsync();
        var pads = app.Services.GetRequiredService<PadDesk>();
        // The demo opens its windows with nobody at them; she sits down at hers.
        Assert.Null((await pads.ViewAsync(Demo.City, Demo.Window(13))).Staff);
        await app.AttendAsync(13);
        Assert.Equal("胡娟", (await pads.ViewAsync(Demo.City, Demo.Window(13))).Staff!.Name);
        var staff = await app.SignedInAsync("staff13");
        var closed = await (await staff.WindowAsync(13, "close")).ReadAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("staffId").ValueKind);
        Assert.Null((await pads.ViewAsync(Demo.City, Demo.Window(13))).Staff);
        // Opening it again from the console does not bring her back; her own opening does.
        var manager = await app.SignedInAsync("manager");
        (await manager.WindowAsync(13, "open")).EnsureSuccessStatusCode();
        Assert.Null((await pads.ViewAsync(Demo.City, Demo.Window(13))).Staff);
        (await manager.WindowAsync(13, "close")).EnsureSuccessStatusCode();
        (await staff.WindowAsync(13, "open")).EnsureSuccessStatusCode();
        Assert.Equal("胡娟", (await pads.ViewAsync(Demo.City, Demo.Window(13))).Staff!.Name);
    }

    [Fact]
    public async Task StaffMemberMovedToAnotherWindowIsCreditedThereAndLeavesTheOldOne()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        // staff05 is moved to window 6 for the afternoon (staff06 is off); window 6 is still open under staff06's name.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<QueueDb>>().CreateDbContextAsync())
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == "staff05");
            account.WindowId = Demo.Window(6);
            await db.SaveChangesAsync();
        }
        var staff = await app.SignedInAsync("staff05");
        var ticket = await staff.ServeAsync(citizen, 6, Demo.SocialInsurance);
        Assert.Equal("staff05", (await citizen.RatedAsync(ticket, "satisfied")).StaffId);
        var pads = app.Services.GetRequiredService<PadDesk>();
        Assert.Equal("陈静", (await pads.ViewAsync(Demo.City, Demo.Window(6))).Staff!.Name);
        // One person is at one counter: window 5 no longer names her.
        Assert.Null((await pads.ViewAsync(Demo.City, Demo.Window(5))).Staff);
    }
}
