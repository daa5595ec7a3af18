using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Advice;

namespace Queue.Silo.Supervision;

public static class SupervisionServiceCollectionExtensions
{
    /// <summary>The manager console's engine side: supervision alerts with their log, and rebalancing advice.</summary>
    public static IServiceCollection AddHallSupervision(this IServiceCollection services)
    {
        services.AddSingleton<AlertLog>();
        services.AddSingleton<RebalancingAdvisor>();
        services.AddSingleton<AdviceCache>();
        return services;
    }
}
