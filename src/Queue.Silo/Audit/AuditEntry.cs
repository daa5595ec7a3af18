namespace Queue.Silo.Audit;

/// <summary>
/// One administrative change: who made it, when, to what (<see cref="Subject"/>, e.g. <c>service:jc-civic-invoice</c>),
/// and the thing as JSON before and after (null before a creation, null after a removal).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Guid id, DateTimeOffset at, string actor, string? hallId, string action, string subject, string? before, string? after)
    {
        Id = id;
        At = at;
        Actor = actor;
        HallId = hallId;
        Action = action;
        Subject = subject;
        Before = before;
        After = after;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The user name of the account that made the change ("setup" for the first admin).</summary>
    public string Actor { get; private set; } = "";
    public string? HallId { get; private set; }

    /// <summary>What was done, e.g. <c>service.create</c>, <c>account.disable</c>.</summary>
    public string Action { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
}
