using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Queue.Silo.Storage;

namespace Queue.Silo.Ratings;

/// <summary>
/// Makes the case audit trail append-only in the database itself: triggers refuse UPDATE and DELETE on
/// <c>rating_case_steps</c>, so not even a bug of ours (or a hand-written SQL fix) can rewrite history.
/// Installed idempotently at start, once the schema exists.
/// </summary>
public sealed class AppendOnlyTrail(IDbContextFactory<QueueDb> dbs, ILogger<AppendOnlyTrail> log) : IHostedService
{
    private readonly TaskCompletionSource installed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the triggers are in place.</summary>
    public Task Installed => installed.Task;

    public Task StartAsync(CancellationToken ct)
    {
        _ = Task.Run(InstallWhenReadyAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task InstallWhenReadyAsync()
    {
        // The host migrates the schema before serving; the table may not exist yet when this starts.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                await InstallAsync();
                installed.TrySetResult();
                return;
            }
            catch (Exception ex) when (attempt < 599)
            {
                log.LogDebug(ex, "Audit trail triggers not installed yet");
                await Task.Delay(100);
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Could not make the case audit trail append-only");
                installed.TrySetException(ex);
            }
        }
    }

    private async Task InstallAsync()
    {
        await using var db = await dbs.CreateDbContextAsync();
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER IF NOT EXISTS rating_case_steps_no_update BEFORE UPDATE ON rating_case_steps
                BEGIN SELECT RAISE(ABORT, 'rating_case_steps is append-only'); END;
                """);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER IF NOT EXISTS rating_case_steps_no_delete BEFORE DELETE ON rating_case_steps
                BEGIN SELECT RAISE(ABORT, 'rating_case_steps is append-only'); END;
                """);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        // Nodes starting together must not replace the function at the same moment.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(724506)");
        await db.Database.ExecuteSqlRawAsync("""
            CREATE OR REPLACE FUNCTION rating_case_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'rating_case_steps is append-only'; END $$;
            """);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE OR REPLACE TRIGGER rating_case_steps_append_only BEFORE UPDATE OR DELETE ON rating_case_steps
            FOR EACH ROW EXECUTE FUNCTION rating_case_steps_append_only();
            """);
        await tx.CommitAsync();
    }
}
