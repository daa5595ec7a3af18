using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>One entry of the trail: who, when, what.</summary>
public sealed record CaseStepView(int Seq, CaseAction Action, BadReviewState StateAfter, string ActorId, string ActorName, DateTimeOffset At, string? Note);
