using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Queue.Web.Hubs;

/// <summary>
/// Whether hub messages travel between nodes through Redis (a cluster: <c>Orleans:Clustering=Redis</c>) or stay on
/// this node (one silo). With it, a hall's calls, boards and pad messages are pushed once, by the silo whose hall
/// grain committed them, and reach every node's clients (decision 0090).
/// </summary>
public sealed record HubBackplane(bool Shared)
{
    /// <summary>Whether this node pushes an update's hall-wide messages: always alone, only its own commits in a cluster.</summary>
    public bool Pushes(Queue.Silo.Hosting.HallUpdate update) => !Shared || update.CommittedHere;

    public static HubBackplane Add(ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        var orleans = configuration.GetSection("Orleans");
        if (!string.Equals(orleans["Clustering"], "Redis", StringComparison.OrdinalIgnoreCase)
            || configuration.GetConnectionString("Redis") is not { Length: > 0 } redis)
            return new HubBackplane(false);
        var clusterId = orleans["ClusterId"] is { Length: > 0 } id ? id : "queuehall";
        // One channel space per cluster: two clusters sharing a Redis never hear each other's halls.
        signalR.AddStackExchangeRedis(redis, o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal($"queuehall:{clusterId}:");
            Infrastructure.RedisReconnect.Apply(o.Configuration);
        });
        return new HubBackplane(true);
    }
}
