using System.Collections.Concurrent;
using System.Net;
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
        var calls = new ConcurrentBag<(int Window, Guid Ticket)>();
        await Task.WhenAll(Enumerable.Range(1, 16).Select(async w =>
        {
            while (true)
            {
                var res = await manager.WindowAsync(w, "call-next");
                if (res.StatusCode == HttpStatusCode.NoContent) return;
                Assert.Equal(HttpStatusCode.OK, res.StatusCode);
                calls.Add((w, (await res.ReadAsync<TicketDto>()).Id));
                (await manager.WindowAsync(w, "start")).EnsureSuccessStatusCode();
                (await manager.WindowAsync(w, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
            }
        }));

        var called = calls.Select(c => c.Ticket).ToList();
        Assert.Equal(called.Count, called.Distinct().Count());
        Assert.Equal(issued.Select(t => t.Id).Order(), called.Order());
    }
}
