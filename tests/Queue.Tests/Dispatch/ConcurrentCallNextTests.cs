using System.Net;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Dispatch;

/// <summary>Many windows calling at once through the real hall writer never share a ticket.</summary>
public sealed class ConcurrentCallNextTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task SixteenWindowsCallingAtOnceNeverCallOneTicketTwice(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var citizen = app.CreateClient();
        var manager = await app.SignedInAsync("manager");
        var services = new[] { Demo.SocialInsurance, Demo.CompanySetup, Demo.Invoice };
        var issued = new List<Guid>();
        for (var i = 0; i < 45; i++) issued.Add((await citizen.IssueAsync(services[i % services.Length])).Id);

        var called = new List<Guid>();
        for (var round = 0; round < 20 && called.Count < issued.Count; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(1, 16).Select(async n => (n, res: await manager.WindowAsync(n, "call-next"))));
            var busy = new List<int>();
            foreach (var (n, res) in answers)
            {
                if (res.StatusCode == HttpStatusCode.NoContent) continue;
                Assert.Equal(HttpStatusCode.OK, res.StatusCode);
                var ticket = await res.ReadAsync<TicketDto>();
                Assert.Equal(n, ticket.WindowNumber);
                called.Add(ticket.Id);
                busy.Add(n);
            }
            await Task.WhenAll(busy.Select(async n =>
            {
                (await manager.WindowAsync(n, "start")).EnsureSuccessStatusCode();
                (await manager.WindowAsync(n, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
            }));
        }

        Assert.Equal(called.Count, called.Distinct().Count());
        Assert.Equal(issued.Order(), called.Order());
    }
}
