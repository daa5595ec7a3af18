using Microsoft.Extensions.DependencyInjection;

namespace Queue.Silo.Reports;

public static class ReportServiceCollectionExtensions
{
    /// <summary>Registers the queue reports (design.md §4 "Reports"), their cache of closed days and the job that keeps those days.</summary>
    public static IServiceCollection AddQueueReports(this IServiceCollection services)
    {
        services.AddSingleton<DayCache>().AddSingleton<QueueReports>().AddSingleton<DayCloser>();
        services.AddHostedService(sp => sp.GetRequiredService<DayCloser>());
        return services;
    }
}
