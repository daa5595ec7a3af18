using Microsoft.EntityFrameworkCore;
using Queue.Silo.Engine;
using Queue.Silo.Storage;

namespace Queue.Silo.Ratings;

/// <summary>
/// The 差评工单 workflow: opens a case for a 差评 with a deadline in working days, moves it through
/// verify → rectify → reply → close (or appeal → re-check → exclude), reminds before the deadline and
/// escalates overdue cases. Every change appends a <see cref="CaseStep"/>; nothing here updates or
/// deletes a step.
/// </summary>
public sealed class BadReviewCases(IDbContextFactory<QueueDb> dbs, IWorkingDays workingDays, TimeProvider time)
{
    /// <summary>Adds the case for <paramref name="rating"/> to <paramref name="db"/>; the caller saves both together.</summary>
    internal async Task<BadReviewCase> OpenAsync(QueueDb db, Rating rating, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == rating.HallId, ct);
        var now = time.GetUtcNow();
        var day = hall.BusinessDay(now);
        var deadline = await workingDays.AddWorkingDaysAsync(hall.Id, day, hall.Settings.BadReviewDeadlineWorkingDays, ct);
        var c = new BadReviewCase(Guid.NewGuid(), rating, now, day, deadline);
        db.Add(c);
        db.Add(Step(c, CaseAction.Open, CaseActor.System, now, $"{rating.Level.Chinese()}：{rating.Comment}".TrimEnd('：')));
        return c;
    }

    /// <summary>One step of the workflow by a person. Refuses a step the case's state does not allow (409).</summary>
    public async Task<BadReviewCase> ActAsync(Guid caseId, CaseAction action, CaseActor actor, string note, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(note)) throw HallException.Invalid("note", "invalid.note.whatWasDone");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<BadReviewCase>().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw HallException.NotFound("case", caseId.ToString());
        if (action is CaseAction.Uphold or CaseAction.Exclude && c.State == BadReviewState.Appealed)
            await RequireOtherThanAppellantAsync(db, c, actor, ct);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == c.HallId, ct);
        var now = time.GetUtcNow();
        var day = hall.BusinessDay(now);
        switch (action)
        {
            case CaseAction.Verify: c.Verify(); break;
            case CaseAction.Rectify: c.Rectify(); break;
            case CaseAction.Reply: c.Reply(); break;
            case CaseAction.Close: c.Close(now, day); break;
            case CaseAction.Appeal: c.Appeal(); break;
            case CaseAction.Uphold: c.Uphold(); break;
            case CaseAction.Exclude:
                c.Exclude(now, day);
                var rating = await db.Set<Rating>().FirstAsync(r => r.Id == c.RatingId, ct);
                rating.Exclude(note, now);
                break;
            default: throw HallException.Invalid("action", "invalid.action.notManual", ("action", action));
        }
        db.Add(Step(c, action, actor, now, note.Trim()));
        await SaveAsync(db, c, ct);
        return c;
    }

    /// <summary>
    /// Reminds cases whose deadline is near and escalates overdue ones (yellow, then red), once each.
    /// Run by each hall's <see cref="RatingDeadlineGrain"/>; answers how many steps it appended.
    /// </summary>
    public Task<int> SuperviseAsync(CancellationToken ct = default) => SuperviseAsync(null, ct);

    /// <summary>The same for one hall's cases (the hall's reminder, decision 0090), or every hall's when null.</summary>
    public async Task<int> SuperviseAsync(string? hallId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var open = await db.Set<BadReviewCase>()
            .Where(c => c.State != BadReviewState.Closed && c.State != BadReviewState.Excluded && (hallId == null || c.HallId == hallId)).ToListAsync(ct);
        if (open.Count == 0) return 0;
        var halls = await db.Halls.AsNoTracking().ToDictionaryAsync(h => h.Id, ct);
        var policies = new Dictionary<string, RatingPolicy>();
        var now = time.GetUtcNow();
        var steps = 0;
        foreach (var c in open)
        {
            var hall = halls[c.HallId];
            if (!policies.TryGetValue(c.HallId, out var policy)) policies[c.HallId] = policy = await RatingPolicies.GetAsync(db, c.HallId, ct);
            var today = hall.BusinessDay(now);
            var left = await workingDays.WorkingDaysBetweenAsync(c.HallId, today, c.DeadlineDay, ct);
            if (today <= c.DeadlineDay && left <= policy.ReminderWorkingDays && c.RemindedAt is null)
            {
                c.Remind(now);
                db.Add(Step(c, CaseAction.Remind, CaseActor.System, now, $"距办结期限还有 {left} 个工作日 / {left} working day(s) left"));
                steps++;
            }
            if (today > c.DeadlineDay)
            {
                var overdue = await workingDays.WorkingDaysBetweenAsync(c.HallId, c.DeadlineDay, today, ct);
                var due = overdue > policy.RedAfterWorkingDays ? BadReviewEscalation.Red : BadReviewEscalation.Yellow;
                if (due > c.Escalation)
                {
                    c.Escalate(due);
                    var action = due == BadReviewEscalation.Red ? CaseAction.EscalateRed : CaseAction.EscalateYellow;
                    db.Add(Step(c, action, CaseActor.System, now, $"已超期 {overdue} 个工作日 / overdue by {overdue} working day(s)"));
                    steps++;
                }
            }
        }
        // A person acting on a case meanwhile wins; the next round looks at it again.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return 0; }
        return steps;
    }

    public async Task<BadReviewCase?> FindAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<BadReviewCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
    }

    public async Task<IReadOnlyList<CaseStep>> StepsAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<CaseStep>().AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.Seq).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<BadReviewCase>> ListAsync(string? hallId, bool openOnly, int limit, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<BadReviewCase>().AsNoTracking();
        if (hallId is not null) q = q.Where(c => c.HallId == hallId);
        if (openOnly) q = q.Where(c => c.State != BadReviewState.Closed && c.State != BadReviewState.Excluded);
        var list = await q.ToListAsync(ct);
        return list.OrderBy(c => c.IsOpen ? 0 : 1).ThenBy(c => c.DeadlineDay).ThenBy(c => c.OpenedAt.UtcTicks).Take(limit).ToList();
    }

    /// <summary>
    /// The re-check is never the side that appealed (docs/evaluation.md): the account that appealed may not
    /// uphold or exclude it. Who appealed is the latest appeal step of the append-only trail, which records
    /// every actor already. 403, not 409: the case's state allows the re-check, this account may not do it
    /// (decision 0079).
    /// </summary>
    private static async Task RequireOtherThanAppellantAsync(QueueDb db, BadReviewCase c, CaseActor actor, CancellationToken ct)
    {
        var appellant = await db.Set<CaseStep>().AsNoTracking().Where(s => s.CaseId == c.Id && s.Action == CaseAction.Appeal)
            .OrderByDescending(s => s.Seq).Select(s => s.ActorId).FirstOrDefaultAsync(ct);
        if (appellant is not null && appellant == actor.Id)
            throw new HallException(RefusalKind.Forbidden, "case.ownAppeal",
                $"Case of ticket {c.TicketNumber} was appealed by this account; another evaluator decides the re-check.");
    }

    private static CaseStep Step(BadReviewCase c, CaseAction action, CaseActor actor, DateTimeOffset at, string? note) =>
        new(c.Id, c.NextStep(), action, c.State, actor.Id, actor.Name, at, note);

    private static async Task SaveAsync(QueueDb db, BadReviewCase c, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw HallException.Conflict("case.changed", ("number", c.TicketNumber));
        }
        catch (DbUpdateException)
        {
            // Two steps with the same number: the other writer won the race.
            throw HallException.Conflict("case.changed", ("number", c.TicketNumber));
        }
    }
}
