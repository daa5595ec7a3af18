using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Queue.Silo.Calendar;
using Queue.Silo.Dispatch;
using Queue.Silo.Engine;
using Queue.Silo.Prediction;
using Queue.Silo.Ratings;
using Queue.Silo.Reports;
using Queue.Silo.Simulation;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Seeding;

/// <summary>
/// The demo halls' last weeks (decision 0100): every working day of the hall's own calendar is run through the real
/// engine (<see cref="HallState"/> with the server's dispatch and predictor) in <see cref="HallSimulation"/>, and the
/// tickets it leaves at the end of each day are written as they would have been stored, with ratings of the served.
/// Marked in <c>demo_history</c> and on every page that shows it: generated demo data, not real visits. Runs after the
/// server has started serving, so the demo's first start is not held up; pages say it is on its way until it is written.
/// </summary>
public sealed class DemoHistory(IDbContextFactory<QueueDb> dbs, HallCalendar calendars, QueueReports reports, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<DemoHistory> log) : BackgroundService
{
    /// <summary>Written into <c>TokenHash</c>: no holder's secret hashes to it, so no generated ticket can be read or rated by anyone.</summary>
    public const string TokenHash = "demo-history";

    /// <summary>The demo hall's generated past, or null when the hall has none.</summary>
    public async Task<DemoHistoryRecord?> OfAsync(string hallId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<DemoHistoryRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.HallId == hallId, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only once the host has started (the silo up, the server listening): the first start's CPU goes to serving first.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task;
        try
        {
            await GenerateAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left unfinished (its transaction rolled back): the next start runs it again.
            log.LogError(e, "Generating the demo history failed");
        }
    }

    /// <summary>
    /// Generates every planned hall's history not written yet. A hall's history is one transaction (tickets, ratings, cases,
    /// its row marked written), so a run cut short (a crash) left nothing and runs again at the next start.
    /// </summary>
    public async Task GenerateAsync(CancellationToken ct = default)
    {
        List<DemoHistoryRecord> planned;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            planned = await db.Set<DemoHistoryRecord>().AsNoTracking().Where(r => r.FinishedAt == null).OrderBy(r => r.HallId).ToListAsync(ct);
        foreach (var record in planned)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var (tickets, ratings) = await GenerateHallAsync(record, ct);
            await reports.CloseDaysAsync(record.HallId, ct);
            log.LogInformation("Generated the demo history of {Hall}: {Tickets} tickets, {Ratings} ratings, {First} … {Last}, in {Elapsed}",
                record.HallId, tickets, ratings, record.FirstDay, record.LastDay, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<(int Tickets, int Ratings)> GenerateHallAsync(DemoHistoryRecord record, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == record.HallId, ct);
        var services = await db.Services.AsNoTracking().Where(s => s.HallId == hall.Id).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var windows = await db.Windows.AsNoTracking().Where(w => w.HallId == hall.Id).ToListAsync(ct);
        var calendar = await calendars.ForHallAsync(hall.Id, ct);

        // The windows open all day as the seed left them: the staff who work them in the demo are the ones credited.
        var state = new HallState(hall, services, windows, [], [], new EngineDispatch(), new ForwardRunPredictor());
        var demand = new DemoDemand(hall.Id, services, windows);
        var first = calendar.HoursOn(record.FirstDay)?.OpensAt ?? new DateTimeOffset(record.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var sim = new HallSimulation(state, first, t => services.First(s => s.Id == t.ServiceId).NormMinutes) { RecordEstimates = false };
        var history = new List<HistoryTicket>();
        var rated = new List<Rating>();
        var cases = new List<object>();
        var today = hall.BusinessDay(time.GetUtcNow());
        var evaluator = await db.Accounts.AsNoTracking().Where(a => a.Role == Accounts.Role.Evaluator).OrderBy(a => a.Id)
            .Select(a => new CaseActor(a.Id, a.DisplayName, "evaluator")).FirstOrDefaultAsync(ct) ?? CaseActor.System;
        var random = new Random(DemoDemand.Seed(hall.Id, "ratings"));
        for (var day = record.FirstDay; day <= record.LastDay; day = day.AddDays(1))
        {
            if (calendar.HoursOn(day) is not { } hours || hours.OpensAt < sim.Now) continue;
            sim.StartDay(hours.OpensAt);
            sim.Run(demand.Day(day, hours));
            sim.EndDay();
            foreach (var t in state.Tickets.Where(t => t.BusinessDay == day).OrderBy(t => t.IssuedAt))
            {
                history.Add(new HistoryTicket(t.HallId, t.ServiceId, t.Number, t.BusinessDay, t.Channel, t.Status, t.IssuedAt, t.ArrivedAt,
                    t.FirstCalledAt, t.StartedAt, t.FinishedAt, t.WindowId, t.StaffId, t.Outcome, t.TransferCount, t.Id, TokenHash));
                if (t.Status != TicketStatus.Done || DemoDemand.Rating(random) is not { } rating) continue;
                var given = new Rating(Guid.CreateVersion7(t.FinishedAt!.Value), RatingSubject.Of(t), 1, rating.Level, [], rating.Comment, rating.Channel, null,
                    t.FinishedAt!.Value.AddMinutes(1 + random.NextDouble() * 2));
                rated.Add(given);
                if (rating.Level.IsBad()) cases.AddRange(WorkedCase(given, calendar, hall, today, evaluator, random));
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TicketHistoryWriter.WriteAsync(db, history, ct);
        db.Set<Rating>().AddRange(rated);
        db.AddRange(cases);
        var mark = await db.Set<DemoHistoryRecord>().FirstAsync(r => r.HallId == hall.Id, ct);
        mark.Finish(history.Count, rated.Count, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (history.Count, rated.Count);
    }

    /// <summary>
    /// The case a 差评 opens, worked as the live workflow works it (verify, rectify, reply, close) by the demo's evaluator
    /// over the next two to eight working days; one whose close would fall today or later is left open for the demo's
    /// evaluator to work. The case and its trail, as entities to add.
    /// </summary>
    private static IEnumerable<object> WorkedCase(Rating rating, WorkingCalendar calendar, Halls.Hall hall, DateOnly today, CaseActor evaluator, Random random)
    {
        var openedDay = hall.BusinessDay(rating.RatedAt);
        var c = new BadReviewCase(Guid.CreateVersion7(rating.RatedAt), rating, rating.RatedAt, openedDay,
            calendar.AddWorkingDays(openedDay, hall.Settings.BadReviewDeadlineWorkingDays));
        yield return c;
        yield return new CaseStep(c.Id, c.NextStep(), CaseAction.Open, c.State, CaseActor.System.Id, CaseActor.System.Name, rating.RatedAt,
            $"{rating.Level.Chinese()}：{rating.Comment}");
        var closeDay = calendar.AddWorkingDays(openedDay, 2 + random.Next(7));
        if (closeDay >= today) yield break;
        var steps = new (CaseAction Action, Action Move, string Note)[]
        {
            (CaseAction.Verify, c.Verify, "调取叫号记录与评价器录像，情况属实"),
            (CaseAction.Rectify, c.Rectify, "窗口负责人约谈当事人，完善一次性告知清单"),
            (CaseAction.Reply, c.Reply, "已电话回访办事人，说明整改情况"),
        };
        var at = rating.RatedAt;
        var span = calendar.HoursOn(closeDay)?.OpensAt.AddHours(2) - at ?? TimeSpan.FromDays(2);
        foreach (var (action, move, note) in steps)
        {
            at += span / 4;
            move();
            yield return new CaseStep(c.Id, c.NextStep(), action, c.State, evaluator.Id, evaluator.Name, at, note);
        }
        at += span / 4;
        c.Close(at, hall.BusinessDay(at));
        yield return new CaseStep(c.Id, c.NextStep(), CaseAction.Close, c.State, evaluator.Id, evaluator.Name, at, "办结");
    }
}
