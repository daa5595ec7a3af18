using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Queue.Silo.Storage;

namespace Queue.Web.Infrastructure;

/// <summary>Healthy when the database answers.</summary>
public sealed class StorageHealthCheck(IDbContextFactory<QueueDb> dbs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("storage unreachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("storage unreachable", ex);
        }
    }
}
