using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Queue.Silo.Storage;

/// <summary>
/// Creates the schema on an empty database and upgrades an older one in place. EF Core Design (and so
/// generated migrations) is not available here: version 1 is the model's own create script, and every
/// later version is a hand-written step in <see cref="Upgrades"/>, recorded in <c>schema_versions</c>.
/// See docs/decisions/0002-versioned-schema.md.
/// </summary>
public sealed class SchemaMigrator(IDbContextFactory<QueueDb> dbs, ILogger<SchemaMigrator> log)
{
    /// <summary>Steps after the baseline, oldest first. Never edit a released step; add a new one.</summary>
    public static readonly IReadOnlyList<SchemaUpgrade> Upgrades =
    [
        // A ticket's first call, kept through recalls and transfers (decision 0082). A called ticket's latest call
        // is the best record an older database has of it.
        new(2, "tickets.FirstCalledAt",
            """ALTER TABLE "tickets" ADD COLUMN "FirstCalledAt" INTEGER NULL; UPDATE "tickets" SET "FirstCalledAt" = "CalledAt";""",
            """ALTER TABLE tickets ADD COLUMN "FirstCalledAt" timestamp with time zone NULL; UPDATE tickets SET "FirstCalledAt" = "CalledAt" WHERE "CalledAt" IS NOT NULL;"""),
        // Answers kept for retried requests with an Idempotency-Key (decision 0084).
        new(3, "idempotency_keys",
            """
            CREATE TABLE "idempotency_keys" ("Key" TEXT NOT NULL CONSTRAINT "PK_idempotency_keys" PRIMARY KEY, "RequestHash" TEXT NOT NULL,
                "Status" INTEGER NOT NULL, "ContentType" TEXT NULL, "Location" TEXT NULL, "Body" TEXT NULL, "CreatedAt" INTEGER NOT NULL);
            CREATE INDEX "IX_idempotency_keys_CreatedAt" ON "idempotency_keys" ("CreatedAt");
            """,
            """
            CREATE TABLE idempotency_keys ("Key" character varying(64) NOT NULL, "RequestHash" character varying(64) NOT NULL, "Status" integer NOT NULL,
                "ContentType" character varying(200) NULL, "Location" character varying(500) NULL, "Body" text NULL,
                "CreatedAt" timestamp with time zone NOT NULL, CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("Key"));
            CREATE INDEX "IX_idempotency_keys_CreatedAt" ON idempotency_keys ("CreatedAt");
            """),
        // The queue reports' covering index (decision 0087): a hall's business days read without touching the table.
        // Version 4, not 3: main's step 3 (idempotency_keys, decision 0084) comes before it once both are merged.
        new(4, "tickets report index",
            """CREATE INDEX IF NOT EXISTS "IX_tickets_report" ON "tickets" ("HallId", "BusinessDay", "IssuedAt", "ArrivedAt", "FirstCalledAt", "StartedAt", "FinishedAt", "Status", "Channel", "Outcome", "ServiceId", "WindowId", "StaffId");""",
            """CREATE INDEX IF NOT EXISTS "IX_tickets_report" ON tickets ("HallId", "BusinessDay") INCLUDE ("IssuedAt", "ArrivedAt", "FirstCalledAt", "StartedAt", "FinishedAt", "Status", "Channel", "Outcome", "ServiceId", "WindowId", "StaffId");"""),
        // A hall set up without the demo (issue 15, decision 0091): accounts disabled and locked after failed sign-ins,
        // matters' English names, and the audit log of administrative changes.
        new(5, "account lockout, services.NameEn, audit_entries",
            """
            ALTER TABLE "accounts" ADD COLUMN "Disabled" INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE "accounts" ADD COLUMN "FailedSignIns" INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE "accounts" ADD COLUMN "LockedUntil" INTEGER NULL;
            ALTER TABLE "services" ADD COLUMN "NameEn" TEXT NULL;
            CREATE TABLE "audit_entries" ("Id" TEXT NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY, "At" INTEGER NOT NULL, "Actor" TEXT NOT NULL,
                "HallId" TEXT NULL, "Action" TEXT NOT NULL, "Subject" TEXT NOT NULL, "Before" TEXT NULL, "After" TEXT NULL);
            CREATE INDEX "IX_audit_entries_At" ON "audit_entries" ("At");
            CREATE INDEX "IX_audit_entries_HallId_At" ON "audit_entries" ("HallId", "At");
            """,
            """
            ALTER TABLE accounts ADD COLUMN "Disabled" boolean NOT NULL DEFAULT false;
            ALTER TABLE accounts ADD COLUMN "FailedSignIns" integer NOT NULL DEFAULT 0;
            ALTER TABLE accounts ADD COLUMN "LockedUntil" timestamp with time zone NULL;
            ALTER TABLE services ADD COLUMN "NameEn" text NULL;
            CREATE TABLE audit_entries ("Id" uuid NOT NULL, "At" timestamp with time zone NOT NULL, "Actor" text NOT NULL, "HallId" text NULL,
                "Action" text NOT NULL, "Subject" text NOT NULL, "Before" text NULL, "After" text NULL, CONSTRAINT "PK_audit_entries" PRIMARY KEY ("Id"));
            CREATE INDEX "IX_audit_entries_At" ON audit_entries ("At");
            CREATE INDEX "IX_audit_entries_HallId_At" ON audit_entries ("HallId", "At");
            """),
        // Issue 16 (decisions 0100, 0101): how often a ticket was transferred, counted back from the journal's TicketTransferred
        // events; the report index carries it; closed days' report facts; the demo halls' generated history.
        // Version 6, not 5: another branch takes 5.
        new(6, "tickets.TransferCount, report_days, demo_history",
            """
            ALTER TABLE "tickets" ADD COLUMN "TransferCount" INTEGER NOT NULL DEFAULT 0;
            UPDATE "tickets" SET "TransferCount" = moved.n FROM (SELECT upper(json_extract("Payload", '$.ticket')) AS id, COUNT(*) AS n FROM "hall_events"
                WHERE "Type" = 'TicketTransferred' GROUP BY 1) AS moved WHERE "tickets"."Id" = moved.id;
            DROP INDEX IF EXISTS "IX_tickets_report";
            CREATE INDEX "IX_tickets_report" ON "tickets" ("HallId", "BusinessDay", "IssuedAt", "ArrivedAt", "FirstCalledAt", "StartedAt", "FinishedAt", "Status", "Channel", "Outcome", "ServiceId", "WindowId", "StaffId", "TransferCount");
            CREATE TABLE "report_days" ("HallId" TEXT NOT NULL, "BusinessDay" TEXT NOT NULL, "Tickets" INTEGER NOT NULL, "Names" TEXT NOT NULL,
                "Facts" BLOB NOT NULL, "ClosedAt" INTEGER NOT NULL, CONSTRAINT "PK_report_days" PRIMARY KEY ("HallId", "BusinessDay"));
            CREATE TABLE "demo_history" ("HallId" TEXT NOT NULL CONSTRAINT "PK_demo_history" PRIMARY KEY, "FirstDay" TEXT NOT NULL, "LastDay" TEXT NOT NULL,
                "Tickets" INTEGER NOT NULL, "Ratings" INTEGER NOT NULL, "StartedAt" INTEGER NOT NULL, "FinishedAt" INTEGER NULL);
            """,
            """
            ALTER TABLE tickets ADD COLUMN "TransferCount" integer NOT NULL DEFAULT 0;
            UPDATE tickets SET "TransferCount" = moved.n FROM (SELECT ("Payload"::jsonb ->> 'ticket')::uuid AS id, COUNT(*) AS n FROM hall_events
                WHERE "Type" = 'TicketTransferred' GROUP BY 1) AS moved WHERE tickets."Id" = moved.id;
            DROP INDEX IF EXISTS "IX_tickets_report";
            CREATE INDEX "IX_tickets_report" ON tickets ("HallId", "BusinessDay") INCLUDE ("IssuedAt", "ArrivedAt", "FirstCalledAt", "StartedAt", "FinishedAt", "Status", "Channel", "Outcome", "ServiceId", "WindowId", "StaffId", "TransferCount");
            CREATE TABLE report_days ("HallId" character varying(64) NOT NULL, "BusinessDay" date NOT NULL, "Tickets" integer NOT NULL, "Names" text NOT NULL,
                "Facts" bytea NOT NULL, "ClosedAt" timestamp with time zone NOT NULL, CONSTRAINT "PK_report_days" PRIMARY KEY ("HallId", "BusinessDay"));
            CREATE TABLE demo_history ("HallId" character varying(64) NOT NULL, "FirstDay" date NOT NULL, "LastDay" date NOT NULL, "Tickets" integer NOT NULL,
                "Ratings" integer NOT NULL, "StartedAt" timestamp with time zone NOT NULL, "FinishedAt" timestamp with time zone NULL,
                CONSTRAINT "PK_demo_history" PRIMARY KEY ("HallId"));
            """),
        // A weekday's lunch break (午休, issue 15): both ends or neither; older halls have none.
        new(7, "hall_opening_hours lunch break",
            """
            ALTER TABLE "hall_opening_hours" ADD COLUMN "BreakStarts" TEXT NULL;
            ALTER TABLE "hall_opening_hours" ADD COLUMN "BreakEnds" TEXT NULL;
            """,
            """
            ALTER TABLE hall_opening_hours ADD COLUMN "BreakStarts" time without time zone NULL;
            ALTER TABLE hall_opening_hours ADD COLUMN "BreakEnds" time without time zone NULL;
            """),
        // English names of windows and categories (issue 17, decision 0106); older halls have none and show the Chinese.
        new(8, "windows.NameEn, services.CategoryEn",
            """
            ALTER TABLE "windows" ADD COLUMN "NameEn" TEXT NULL;
            ALTER TABLE "services" ADD COLUMN "CategoryEn" TEXT NULL;
            """,
            """
            ALTER TABLE windows ADD COLUMN "NameEn" text NULL;
            ALTER TABLE services ADD COLUMN "CategoryEn" text NULL;
            """),
    ];

    public static int LatestVersion => Upgrades.Count == 0 ? 1 : Upgrades[^1].Version;

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var conn = db.Database.GetDbConnection();
        if (db.IsSqlite)
        {
            // WAL lets readers run beside the writer; FULL makes every commit durable before we answer.
            await Exec(conn, "PRAGMA journal_mode=WAL;", ct);
        }
        else
        {
            // Nodes starting together must not both create the schema.
            await Exec(conn, "SELECT pg_advisory_lock(724501)", ct);
        }
        try
        {
            await Exec(conn, "CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)", ct);
            var current = await Scalar(conn, "SELECT COALESCE(MAX(version), 0) FROM schema_versions", ct);
            if (current == 0)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript(), ct);
                await Record(db, LatestVersion, "baseline (model create script)", ct);
                await tx.CommitAsync(ct);
                log.LogInformation("Created schema version {Version}", LatestVersion);
                return;
            }
            foreach (var step in Upgrades.Where(u => u.Version > current))
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlRawAsync(db.IsSqlite ? step.Sqlite : step.Postgres, ct);
                await Record(db, step.Version, step.Description, ct);
                await tx.CommitAsync(ct);
                log.LogInformation("Upgraded schema to version {Version}: {Description}", step.Version, step.Description);
            }
        }
        finally
        {
            if (!db.IsSqlite) await Exec(conn, "SELECT pg_advisory_unlock(724501)", ct);
        }
    }

    public async Task<int> CurrentVersionAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return (int)await Scalar(db.Database.GetDbConnection(), "SELECT COALESCE(MAX(version), 0) FROM schema_versions", ct);
    }

    private static Task Record(QueueDb db, int version, string description, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("INSERT INTO schema_versions (version, description, applied_at) VALUES ({0}, {1}, {2})",
            [version, description, DateTimeOffset.UtcNow.ToString("O")], ct);

    private static async Task Exec(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> Scalar(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }
}
