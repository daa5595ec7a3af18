using System.Net;
using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Api;

/// <summary>
/// A server that has just started gets its first requests all at once (a hall opening its doors, kiosks and
/// terminals reconnecting after a restart). Each body type is described the first time it is checked; doing that
/// from many requests at once must answer every one, never a 500.
/// </summary>
public sealed class FirstRequestsTests
{
    /// <summary>Three fresh servers side by side: the race this guards against is not met on every start.</summary>
    [Fact]
    public async Task ManyFirstRequestsAtOnceOnAFreshServerAreAllAnswered() =>
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => FirstBurstAsync()));

    private static async Task FirstBurstAsync()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await ServerProcess.StartAsync(db.Settings());
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await http.SignInAsync("manager"));

        // Several body types at once, before any has been checked: tickets, a window's commands, a transfer, ratings.
        var sends = Enumerable.Range(0, 80).Select(i => (i % 4) switch
        {
            0 => http.PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = Demo.Invoice, channel = "kiosk" }),
            1 => http.PostAsJsonAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(1 + i % 3)}/complete", new { outcome = "done" }),
            2 => http.PostAsJsonAsync($"/api/halls/{Demo.City}/windows/{Demo.Window(2)}/transfer", new { serviceId = Demo.Invoice }),
            _ => http.PostAsJsonAsync($"/api/tickets/{Guid.NewGuid()}/rating", new { token = "x", level = "satisfied", tags = Array.Empty<string>() }),
        });
        var answers = await Task.WhenAll(sends);
        var faults = answers.Where(r => (int)r.StatusCode >= 500).Select(r => (int)r.StatusCode).ToList();
        Assert.True(faults.Count == 0, $"{faults.Count} of {answers.Length} first requests answered 5xx:\n" +
            string.Join('\n', server.Output.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(10)));
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
    }
}
