using Queue.Tests.Infrastructure;

namespace Queue.Tests.Hub;

/// <summary>The hub through the real SignalR JavaScript client.</summary>
public sealed class HubTests
{
    [Fact]
    public async Task DisplayThatJoinedTheHallReceivesTicketCalledAfterRestCallNext()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var address = app.Address;
        var citizen = app.CreateClient();
        var ticket = await citizen.IssueAsync(Demo.Invoice);
        await using var display = await HubProbe.StartAsync(address, $"join:{Demo.City}", $"watch:{ticket.Id}:{ticket.Token}");

        var staff = await app.SignedInAsync("staff14");
        (await staff.WindowAsync(14, "call-next")).EnsureSuccessStatusCode();

        var called = await display.WaitForEventAsync("TicketCalled", m => m.GetProperty("ticketId").GetString() == ticket.Id.ToString(), TimeSpan.FromSeconds(10));
        var message = called.GetProperty("args")[0];
        Assert.Equal(ticket.Number, message.GetProperty("ticketNumber").GetString());
        Assert.Equal(14, message.GetProperty("windowNumber").GetInt32());
        Assert.False(message.GetProperty("isRecall").GetBoolean());
        await display.WaitForEventAsync("TicketUpdated", m => m.GetProperty("ticket").GetProperty("status").GetString() == "called", TimeSpan.FromSeconds(10));
        await display.WaitForEventAsync("BoardChanged", m => m.GetProperty("board").GetProperty("recentCalls")[0].GetProperty("ticketNumber").GetString() == ticket.Number, TimeSpan.FromSeconds(10));
    }
}
