using Queue.Tests.Infrastructure;

namespace Queue.Tests.Storage;

/// <summary>Every window presses call-next at once, over and over: no ticket is ever called twice.</summary>
public sealed class ConcurrentCallTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task ConcurrentCallNextFromEveryWindowNeverCallsATicketTwice(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var citizen = app.CreateClient();
        var services = new[] { Demo.SocialInsurance, Demo.CompanySetup, Demo.Invoice, "jc-civic-residence-permit", "jc-civic-food-license", "jc-civic-construction-permit" };
        var issued = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => citizen.IssueAsync(services[i % services.Length])));
        Assert.Equal(120, issued.Select(t => t.Number).Distinct().Count());

        var manager = await app.SignedInAsync("manager");
        var perWindow = await Task.WhenAll(Enumerable.Range(1, 16).Select(w => manager.ServeUntilEmptyAsync(w)));

        var called = perWindow.SelectMany(c => c).ToList();
        Assert.Equal(called.Count, called.Distinct().Count());
        Assert.Equal(issued.Select(t => t.Id).Order(), called.Order());
    }
}
