using Microsoft.Extensions.DependencyInjection;

namespace Queue.Silo.Reports;

public static class ReportServiceCollectionExtensions
{
    /// <summary>Registers the queue reports (design.md §4 "Reports").</summary>
    public static IServiceCollection AddQueueReports(this IServiceCollection services) => services.AddSingleton<QueueReports>();
}
