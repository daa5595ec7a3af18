using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Queue.Silo.Hosting;

namespace Queue.Web.Infrastructure;

/// <summary>
/// The Orleans silo this host co-hosts (decision 0084): localhost clustering by default (one silo, nothing to
/// install), or a cluster whose membership is kept in Redis (<c>Orleans:Clustering=Redis</c>).
/// </summary>
public static class SiloHosting
{
    public static ISiloBuilder UseQueueHall(this ISiloBuilder silo, IConfiguration configuration)
    {
        var orleans = configuration.GetSection("Orleans");
        var clusterId = orleans["ClusterId"] is { Length: > 0 } id ? id : "queuehall";
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = clusterId;
            o.ServiceId = "queuehall";
        });
        if (string.Equals(orleans["Clustering"], "Redis", StringComparison.OrdinalIgnoreCase))
        {
            var redis = configuration.GetConnectionString("Redis") is { Length: > 0 } cs ? cs
                : throw new InvalidOperationException("Orleans:Clustering=Redis needs ConnectionStrings:Redis.");
            silo.UseRedisClustering(redis);
            // The halls' rating deadlines outlive any silo: the reminders are kept in Redis beside the membership.
            silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisReconnect.Options(redis));
            var siloPort = orleans.GetValue("SiloPort", 11111);
            var gatewayPort = orleans.GetValue("GatewayPort", 30000);
            if (orleans["AdvertisedIP"] is { Length: > 0 } ip) silo.ConfigureEndpoints(IPAddress.Parse(ip), siloPort, gatewayPort, listenOnAnyHostAddress: false);
            else silo.ConfigureEndpoints(siloPort, gatewayPort);
        }
        else
        {
            // One silo of its own: free ports unless told, so several hosts (tests, two checkouts) never collide.
            silo.UseLocalhostClustering(orleans.GetValue("SiloPort", FreePort()), orleans.GetValue("GatewayPort", FreePort()), serviceId: "queuehall", clusterId: clusterId);
            // One silo needs no shared reminder table: storage holds what is due and RatingReminders registers each hall
            // again at start.
            silo.UseInMemoryReminderService();
        }
        // A dead silo is declared within about two seconds: probes time out after one, two misses make a suspicion.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(orleans.GetValue("ProbeTimeoutSeconds", 1.0));
            o.NumMissedProbesLimit = 2;
        });
        // A hall command takes milliseconds; one sent to a silo that died is failed (503, retried by the client) after
        // ten seconds at most, not held for Orleans' default thirty.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        return silo.AddQueueHallGrains();
    }

    /// <summary>What every silo of the hall engine needs whatever its clustering (the TestingHost's silos too).</summary>
    public static ISiloBuilder AddQueueHallGrains(this ISiloBuilder silo)
    {
        silo.Services.AddGrainJson();
        PinOrleansClocks(silo.Services);
        return silo;
    }

    /// <summary>
    /// Orleans takes its clocks from the host's <see cref="TimeProvider"/>; tests and the simulator replace that with
    /// a virtual clock for the engine. Orleans' own timeouts, probes and timers stay on real time.
    /// </summary>
    private static void PinOrleansClocks(IServiceCollection services)
    {
        foreach (var area in new[] { TimeProviderNames.Grains, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers,
                     TimeProviderNames.Membership, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory })
            services.TryAddKeyedSingleton(area, TimeProvider.System);
    }

    private static int FreePort() => Queue.Silo.Hosting.FreePorts.Next();
}
