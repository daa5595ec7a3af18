using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.TestingHost;
using Queue.Silo.Halls;
using Queue.Silo.Hosting;
using Queue.Silo.Seeding;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Cluster;

/// <summary>The hall grain in a real three-silo Orleans cluster (TestingHost) on one PostgreSQL database.</summary>
[Collection("Resilience")]
public sealed class HallGrainClusterTests
{
    [Fact]
    public async Task CommandsSentThroughEverySiloReachOneActivationAndNumberWithoutGaps()
    {
        await using var db = await SeededAsync();
        var cluster = await DeployAsync(db);
        try
        {
            var silos = cluster.GetActiveSilos().ToList();
            Assert.Equal(3, silos.Count);
            var issued = await Task.WhenAll(Enumerable.Range(0, 90).Select(i =>
                GrainsOf(cluster, silos[i % 3]).GetGrain<IHallGrain>(Demo.City).IssueTicket(Demo.Invoice, TicketChannel.Kiosk, TicketPriority.Normal, TicketToken.Hash(TicketToken.New()))));

            var numbers = issued.Select(t => t.Number).Order().ToList();
            Assert.Equal(Enumerable.Range(1, 90).Select(n => numbers[0][..1] + n.ToString("000")).ToList(), numbers);
            var stats = await cluster.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            Assert.Equal(1, stats.Where(s => s.GrainType.Contains(nameof(HallGrain))).Sum(s => s.ActivationCount));
            // Every silo's read replica reaches the same picture.
            foreach (var silo in silos)
            {
                var snapshots = cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<HallSnapshots>();
                await WaitUntilAsync(async () => (await snapshots.SnapshotAsync(Demo.City)).Tickets.Count >= 90, TimeSpan.FromSeconds(10));
            }
        }
        finally { await cluster.DisposeAsync(); }
    }

    [Fact]
    public async Task KillingTheSiloThatHoldsABusyHallLosesNothingAcknowledged()
    {
        await using var db = await SeededAsync();
        var cluster = await DeployAsync(db);
        try
        {
            var silos = cluster.GetActiveSilos().ToList();
            var first = await cluster.Client.GetGrain<IHallGrain>(Demo.City).IssueTicket(Demo.Invoice, TicketChannel.Kiosk, TicketPriority.Normal, "x");
            var host = (await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
                .Single(s => s.GrainType.Contains(nameof(HallGrain))).SiloAddress;
            var survivors = silos.Where(s => s.SiloAddress != host).ToList();
            var acknowledged = new ConcurrentBag<(Guid Id, string Number)> { (first.Id, first.Number) };
            long killedAt = 0, firstAfterKill = 0;
            using var stop = new CancellationTokenSource();
            var load = Task.WhenAll(survivors.Select(async silo =>
            {
                var hall = GrainsOf(cluster, silo).GetGrain<IHallGrain>(Demo.City);
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var t = await hall.IssueTicket(Demo.Invoice, TicketChannel.Kiosk, TicketPriority.Normal, "x");
                        acknowledged.Add((t.Id, t.Number));
                        if (Volatile.Read(ref killedAt) != 0) Interlocked.CompareExchange(ref firstAfterKill, Stopwatch.GetTimestamp(), 0);
                    }
                    catch (Exception) { await Task.Delay(20); }
                }
            }));
            await Task.Delay(1500);
            Volatile.Write(ref killedAt, Stopwatch.GetTimestamp());
            await cluster.KillSiloAsync(silos.Single(s => s.SiloAddress == host));
            await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref firstAfterKill) != 0 && acknowledged.Count > 50), TimeSpan.FromSeconds(30));
            await Task.Delay(1000);
            stop.Cancel();
            await load;

            var answeredAgainAfter = Stopwatch.GetElapsedTime(killedAt, firstAfterKill);
            Assert.True(answeredAgainAfter < TimeSpan.FromSeconds(10), $"the hall answered again only after {answeredAgainAfter}");
            await using var services = Services(db);
            await using var context = await services.GetRequiredService<IDbContextFactory<QueueDb>>().CreateDbContextAsync();
            var stored = await context.Tickets.AsNoTracking().Where(t => t.HallId == Demo.City).Select(t => new { t.Id, t.Number }).ToListAsync();
            Assert.All(acknowledged, a => Assert.Contains(stored, s => s.Id == a.Id && s.Number == a.Number));
            Assert.Equal(stored.Count, stored.Select(s => s.Number).Distinct().Count());
        }
        finally { await cluster.DisposeAsync(); }
    }

    private static IGrainFactory GrainsOf(TestCluster cluster, SiloHandle silo) =>
        cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<IGrainFactory>();

    private static async Task<TestDatabase> SeededAsync()
    {
        var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        await using var services = Services(db);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await services.GetRequiredService<DemoSeed>().SeedIfEmptyAsync();
        return db;
    }

    private static ServiceProvider Services(TestDatabase db)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(db.Settings()).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddQueueSilo(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<TestCluster> DeployAsync(TestDatabase db)
    {
        var builder = new TestClusterBuilder(3);
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(db.Settings()));
        builder.AddSiloBuilderConfigurator<EngineSilo>();
        builder.AddClientBuilderConfigurator<EngineClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("the cluster did not get there in time");
            await Task.Delay(100);
        }
    }
}
