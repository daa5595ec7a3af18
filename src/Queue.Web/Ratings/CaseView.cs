using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>A bad-review case with its audit trail.</summary>
public sealed record CaseView(Guid Id, Guid RatingId, Guid TicketId, string HallId, string WindowId, string? StaffId, string ServiceId,
    string TicketNumber, RatingLevel Level, BadReviewState State, DateTimeOffset OpenedAt, DateOnly DeadlineDay, BadReviewEscalation Escalation,
    DateTimeOffset? RemindedAt, DateTimeOffset? ClosedAt, bool? ClosedOnTime, IReadOnlyList<CaseStepView> Steps)
{
    public static CaseView Of(BadReviewCase c, IReadOnlyList<CaseStep> steps) => new(c.Id, c.RatingId, c.TicketId, c.HallId, c.WindowId, c.StaffId,
        c.ServiceId, c.TicketNumber, c.Level, c.State, c.OpenedAt, c.DeadlineDay, c.Escalation, c.RemindedAt, c.ClosedAt, c.ClosedOnTime,
        steps.Select(s => new CaseStepView(s.Seq, s.Action, s.StateAfter, s.ActorId, s.ActorName, s.At, s.Note)).ToList());
}

