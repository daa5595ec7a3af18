using Microsoft.Extensions.DependencyInjection;

namespace Queue.Silo.Reports;

public static class ReportServiceCollectionExtensions
{
    /// <summary>Registers the queue reports (design.md §4 "Reports") and their cache of closed days.</summary>
    public static IServiceCollection AddQueueReports(this IServiceCollection services) =>
        services.AddSingleton<DayCache>().AddSingleton<QueueReports>();
}
