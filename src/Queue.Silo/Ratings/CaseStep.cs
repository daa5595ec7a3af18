namespace Queue.Silo.Ratings;

/// <summary>
/// One entry of a case's audit trail: who did what, when, and what they wrote. Rows are only ever
/// inserted: no API changes or deletes them, and database triggers refuse UPDATE and DELETE.
/// </summary>
public sealed class CaseStep
{
    private CaseStep() { }

    public CaseStep(Guid caseId, int seq, CaseAction action, BadReviewState stateAfter, string actorId, string actorName, DateTimeOffset at, string? note)
    {
        CaseId = caseId;
        Seq = seq;
        Action = action;
        StateAfter = stateAfter;
        ActorId = actorId;
        ActorName = actorName;
        At = at;
        Note = note;
    }

    public Guid CaseId { get; private set; }
    public int Seq { get; private set; }
    public CaseAction Action { get; private set; }
    public BadReviewState StateAfter { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }
}
