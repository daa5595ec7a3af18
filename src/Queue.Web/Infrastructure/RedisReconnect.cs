using StackExchange.Redis;

namespace Queue.Web.Infrastructure;

/// <summary>
/// The hub backplane's and the reminders' Redis connections: they come back within a second of Redis coming
/// back (the client's default backs off exponentially between attempts, and pushes between nodes stayed silent
/// for a while after a short outage), and a node starts even while Redis is briefly away.
/// </summary>
public static class RedisReconnect
{
    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        Apply(options);
        return options;
    }

    public static void Apply(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
    }
}
