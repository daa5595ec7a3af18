using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Cluster;

/// <summary>
/// The cluster's Redis (membership only) stops for ten seconds under load and comes back: the silos keep
/// answering, pushes carry on across nodes, and nothing acknowledged is lost.
/// </summary>
[Collection("Resilience")]
public sealed class RedisOutageTests
{
    [Fact]
    public async Task TenSecondsWithoutRedisUnderLoadLoseNothingAndPushesCarryOn()
    {
        await using var redis = await PrivateRedis.StartAsync();
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        var cluster = Queue.LoadTests.SiloCluster.NewId();
        IEnumerable<KeyValuePair<string, string?>> Node() =>
            db.Settings().Concat(Queue.LoadTests.SiloCluster.Node(redis.Address, cluster).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        await using var a = await ServerProcess.StartAsync(Node());
        await using var b = await ServerProcess.StartAsync(Node());
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());
        using var viaA = new HttpClient { BaseAddress = a.Address, Timeout = TimeSpan.FromSeconds(10) };
        using var viaB = new HttpClient { BaseAddress = b.Address, Timeout = TimeSpan.FromSeconds(10) };
        await using var displayOnB = await HubProbe.StartAsync(b.Address, $"join:{Demo.City}");

        var acknowledged = new ConcurrentBag<TicketDto>();
        var answeredDuringOutage = 0;
        var outage = false;
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(new[] { viaA, viaB }.Select(http => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    acknowledged.Add(await http.IssueAsync(Demo.Invoice));
                    if (Volatile.Read(ref outage)) Interlocked.Increment(ref answeredDuringOutage);
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(20);
            }
        })));
        await Task.Delay(2000);
        redis.Stop();
        Volatile.Write(ref outage, true);
        await Task.Delay(TimeSpan.FromSeconds(10));
        Volatile.Write(ref outage, false);
        await redis.RestartAsync();
        await Task.Delay(3000);
        stop.Cancel();
        await load;

        Assert.True(answeredDuringOutage > 20, $"only {answeredDuringOutage} tickets were answered while Redis was down");
        // A call made through A after the outage reaches B's display.
        var staff = await viaA.SignInAsync("staff14");
        viaA.DefaultRequestHeaders.Authorization = new("Bearer", staff);
        var called = await (await viaA.WindowAsync(14, "call-next")).ReadAsync<TicketDto>();
        await displayOnB.WaitForEventAsync("TicketCalled", m => m.GetProperty("ticketId").GetString() == called.Id.ToString(), TimeSpan.FromSeconds(10));
        foreach (var t in acknowledged.Take(400))
        {
            var stored = await viaB.GetStringAsync($"/api/tickets/{t.Id}?token={t.Token}");
            Assert.Contains(t.Number, stored);
        }
        Assert.Equal(acknowledged.Count, acknowledged.Select(t => t.Number).Distinct().Count());
    }

    /// <summary>A redis-server of this test's own (append-only), so stopping it touches no other test.</summary>
    private sealed class PrivateRedis : IAsyncDisposable
    {
        private readonly string dir = Directory.CreateTempSubdirectory("queuehall-redis-").FullName;
        private readonly int port = FreePort();
        private Process? process;

        public string Address => $"127.0.0.1:{port}";

        public static async Task<PrivateRedis> StartAsync()
        {
            var r = new PrivateRedis();
            await r.RestartAsync();
            return r;
        }

        public async Task RestartAsync()
        {
            process = Process.Start(new ProcessStartInfo("redis-server",
                ["--port", port.ToString(), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--save", ""])
                { RedirectStandardOutput = true, UseShellExecute = false })!;
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    return;
                }
                catch (SocketException) { await Task.Delay(50); }
            }
            throw new InvalidOperationException("redis-server did not start");
        }

        public void Stop()
        {
            process?.Kill();
            process?.WaitForExit();
        }

        public ValueTask DisposeAsync()
        {
            Stop();
            Directory.Delete(dir, recursive: true);
            return ValueTask.CompletedTask;
        }

        private static int FreePort() => Queue.Silo.Hosting.FreePorts.Next();
    }
}
