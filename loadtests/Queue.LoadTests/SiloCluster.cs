using System.Net;
using System.Net.Sockets;

namespace Queue.LoadTests;

/// <summary>
/// Settings that make a node a silo of an Orleans cluster whose membership is kept in Redis (decision 0084).
/// Each run names its own cluster, so runs sharing one Redis never see each other's silos.
/// </summary>
public static class SiloCluster
{
    /// <summary>The Redis server: <c>--redis</c>, else QUEUEHALL_REDIS or QUEUEHALL_TEST_REDIS (the scripts start one).</summary>
    public static string Redis(string? given) => given ?? Environment.GetEnvironmentVariable("QUEUEHALL_REDIS")
        ?? Environment.GetEnvironmentVariable("QUEUEHALL_TEST_REDIS")
        ?? throw new ArgumentException("A cluster needs Redis: --redis 127.0.0.1:6379 (or QUEUEHALL_REDIS); scripts/loadtool.sh starts one.");

    public static string NewId() => "qh-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>One node's settings: Redis membership, its own silo and gateway ports on loopback.</summary>
    public static Dictionary<string, string> Node(string redis, string clusterId) => new()
    {
        ["Orleans:Clustering"] = "Redis",
        ["ConnectionStrings:Redis"] = redis,
        ["Orleans:ClusterId"] = clusterId,
        ["Orleans:AdvertisedIP"] = "127.0.0.1",
        ["Orleans:SiloPort"] = FreePort().ToString(),
        ["Orleans:GatewayPort"] = FreePort().ToString(),
    };

    /// <summary><paramref name="settings"/> with the node's cluster settings added.</summary>
    public static Dictionary<string, string> Join(IReadOnlyDictionary<string, string> settings, string redis, string clusterId)
    {
        var all = new Dictionary<string, string>(settings);
        foreach (var (k, v) in Node(redis, clusterId)) all[k] = v;
        return all;
    }

    private static int FreePort() => Queue.Silo.Hosting.FreePorts.Next();
}
