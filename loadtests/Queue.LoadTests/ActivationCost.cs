using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Queue.LoadTests;

/// <summary>
/// <c>activation-cost [--halls 1000] [--tickets 10]</c>: what a hall grain costs a silo. Copies the demo's village
/// hall (jc-qingshan: its matters and windows) <c>--halls</c> times into a SQLite database, starts one node on it,
/// then reads every copy's board (one grain activation and one replica each) and issues <c>--tickets</c> tickets in
/// each, sampling the server process's resident memory and CPU time (/proc) after each step; last, <c>--phones</c>
/// real SignalR clients each watch one of those tickets.
/// </summary>
public static class ActivationCost
{
    public static async Task<int> RunAsync(CommandOptions o)
    {
        var count = o.Int("halls", 1000);
        var perHall = o.Int("tickets", 10);
        var phones = o.Int("phones", 2000);
        var issued = new System.Collections.Concurrent.ConcurrentBag<(Guid Id, string Token)>();
        await using var db = await TargetDatabase.CreateAsync("sqlite", null);
        var node = new ServerNode(RepoPaths.ServerDll(o), db.Settings());
        try
        {
            await node.StartAsync();
            node.Kill9();
            // Not through the list of halls: it reads (and so activates) every hall.
            var service = HallCopies.FirstService(db, "jc-qingshan");
            var ids = HallCopies.Make(db, "jc-qingshan", count);
            await node.StartAsync();
            using var api = new QueueApi(node.Address);
            await Task.Delay(2000);
            var started = Sample(node);

            var clock = Stopwatch.StartNew();
            await ForEachAsync(ids, async id => { using var _ = await api.SendAsync(HttpMethod.Get, $"/api/halls/{id}/board", null, null); });
            var activateSeconds = clock.Elapsed.TotalSeconds;
            await Task.Delay(2000);
            var activated = Sample(node);

            clock.Restart();
            await ForEachAsync(ids, async id =>
            {
                for (var i = 0; i < perHall; i++)
                {
                    using var res = await api.IssueAsync(id, $"{id}-{service}", "kiosk");
                    var body = await res.Content.ReadAsStringAsync();
                    if (!res.IsSuccessStatusCode) throw new InvalidOperationException($"issue in {id}: {(int)res.StatusCode} {body}");
                    using var doc = JsonDocument.Parse(body);
                    issued.Add((doc.RootElement.GetProperty("id").GetGuid(), doc.RootElement.GetProperty("token").GetString()!));
                }
            });
            var issueSeconds = clock.Elapsed.TotalSeconds;
            await Task.Delay(2000);
            var busy = Sample(node);

            await using var swarm = await HubSwarm.StartAsync(node.Address, "jc-civic:1", phones);
            foreach (var (ticket, token) in issued.Take(phones)) swarm.Watch(ticket, token);
            await Task.Delay(5000);
            var watched = Sample(node);

            var result = new
            {
                halls = count,
                ticketsPerHall = perHall,
                phones,
                rssMiB = new { started = started.RssMiB, activated = activated.RssMiB, withTickets = busy.RssMiB, withPhones = watched.RssMiB },
                perPhoneKiB = phones == 0 ? 0 : (watched.RssMiB - busy.RssMiB) * 1024 / phones,
                perHallActivationKiB = (activated.RssMiB - started.RssMiB) * 1024 / count,
                perHallWithTicketsKiB = (busy.RssMiB - started.RssMiB) * 1024 / count,
                cpuSecondsToActivate = activated.CpuSeconds - started.CpuSeconds,
                cpuMsPerActivation = (activated.CpuSeconds - started.CpuSeconds) * 1000 / count,
                cpuMsPerTicket = (busy.CpuSeconds - activated.CpuSeconds) * 1000 / (count * perHall),
                activateSeconds,
                issueSeconds,
            };
            Console.Error.WriteLine($"{count} halls: RSS {started.RssMiB:0} → {activated.RssMiB:0} MiB activated → {busy.RssMiB:0} MiB with {perHall} tickets each; " +
                $"{result.perHallActivationKiB:0.0} KiB and {result.cpuMsPerActivation:0.00} ms CPU per activation, {result.cpuMsPerTicket:0.00} ms CPU per ticket; " +
                $"{phones} phones watching: {watched.RssMiB:0} MiB, {result.perPhoneKiB:0.0} KiB each");
            Console.WriteLine(JsonSerializer.Serialize(result, LoadCommand.Output));
            return 0;
        }
        finally { await node.DisposeAsync(); }
    }

    private static async Task ForEachAsync(IEnumerable<string> ids, Func<string, Task> each) =>
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (id, _) => await each(id));

    private readonly record struct ProcessSample(double RssMiB, double CpuSeconds);

    private static ProcessSample Sample(ServerNode node)
    {
        var pid = node.Pid ?? throw new InvalidOperationException("the server is not running");
        var rssKiB = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of /proc/pid/stat, in clock ticks (100 per second on Linux).
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return new ProcessSample(double.Parse(rssKiB) / 1024, ticks / 100.0);
    }
}
