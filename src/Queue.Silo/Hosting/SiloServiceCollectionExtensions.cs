using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Queue.Silo.Accounts;
using Queue.Silo.Dispatch;
using Queue.Silo.Engine;
using Queue.Silo.Prediction;
using Queue.Silo.Seeding;
using Queue.Silo.Storage;

namespace Queue.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>Registers the hall engine's services, its storage (SQLite or PostgreSQL) and this silo's read replicas.</summary>
    public static IServiceCollection AddQueueSilo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration("Storage").Configure(o =>
            o.ConnectionString ??= configuration.GetConnectionString("Queue"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddOptions<DemoSeedOptions>().BindConfiguration("Demo");
        services.TryAddTimeProvider();
        services.AddDbContextFactory<QueueDb>((sp, db) =>
        {
            var storage = sp.GetRequiredService<StorageOptions>();
            var cs = storage.ResolveConnectionString();
            if (storage.Provider == StorageProvider.Postgres) db.UseNpgsql(cs);
            else db.UseSqlite(cs).AddInterceptors(new SqliteDurability());
            // The schema is versioned by hand (SchemaMigrator), not by EF migrations.
            db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<HallStore>();
        services.AddSingleton<HallFeed>();
        services.AddSingleton<Func<IDispatchPolicy>>(_ => () => new EngineDispatch());
        // Under a flood of commands, once 100 wait, estimates are recomputed at most twice a second per hall, and with 500 or more
        // waiting off the writer's thread (see ForwardRunPredictor, decision 0073).
        services.AddSingleton<Func<IWaitPredictor>>(_ => () => new ForwardRunPredictor(TimeSpan.FromMilliseconds(500), backgroundFrom: 500, reuseFrom: 100));
        services.AddSingleton<Halls.HallSnapshots>();
        services.AddHostedService(sp => sp.GetRequiredService<Halls.HallSnapshots>());
        services.AddSingleton<HallClient>();
        services.AddSingleton<Floor.FloorClient>();
        services.AddSingleton<Calendar.HallCalendar>();
        services.AddSingleton<Calendar.NationalDays>();
        Citizen.CitizenServiceCollectionExtensions.AddCitizenJourney(services);
        services.AddSingleton<AccountService>();
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<DemoSeed>();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    /// <summary>Every SQLite connection: full fsync at commit, and wait for the write lock instead of failing.</summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
            cmd.ExecuteNonQuery();
        }
    }
}
