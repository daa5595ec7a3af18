using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Queue.Silo.Hosting;
using Queue.Web.Infrastructure;

namespace Queue.Tests.Cluster;

/// <summary>A TestingHost silo running the hall engine on the database named in the cluster's configuration.</summary>
public sealed class EngineSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder silo)
    {
        silo.AddQueueHallGrains();
        silo.Services.AddQueueSilo(silo.Configuration);
    }
}

/// <summary>The TestingHost's outside client speaks the engine's types too.</summary>
public sealed class EngineClient : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder client) => client.Services.AddGrainJson();
}
