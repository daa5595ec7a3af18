using Queue.Silo.Engine;

namespace Queue.Silo.Ratings;

/// <summary>
/// A 差评 worked to closure (差评工单). Transitions are guarded like a ticket's: each checks the state
/// first and throws before changing anything. Every transition is also written to the append-only
/// <see cref="CaseStep"/> trail by <see cref="BadReviewCases"/>; <see cref="Version"/> stops two people
/// from moving the same case at once.
/// </summary>
public sealed class BadReviewCase
{
    private BadReviewCase() { }

    public BadReviewCase(Guid id, Rating rating, DateTimeOffset openedAt, DateOnly openedDay, DateOnly deadlineDay)
    {
        Id = id;
        RatingId = rating.Id;
        TicketId = rating.TicketId;
        HallId = rating.HallId;
        WindowId = rating.WindowId;
        StaffId = rating.StaffId;
        ServiceId = rating.ServiceId;
        TicketNumber = rating.TicketNumber;
        ServiceDay = rating.BusinessDay;
        Level = rating.Level;
        OpenedAt = openedAt;
        OpenedDay = openedDay;
        DeadlineDay = deadlineDay;
    }

    public Guid Id { get; private set; }
    public Guid RatingId { get; private set; }
    public Guid TicketId { get; private set; }
    public string HallId { get; private set; } = "";
    public string WindowId { get; private set; } = "";
    public string? StaffId { get; private set; }
    public string ServiceId { get; private set; } = "";
    public string TicketNumber { get; private set; } = "";

    /// <summary>The business day the ticket was served (part of the 办件编号).</summary>
    public DateOnly ServiceDay { get; private set; }
    public RatingLevel Level { get; private set; }
    public BadReviewState State { get; private set; } = BadReviewState.Opened;

    /// <summary>Where an appealed case returns when the re-check upholds the 差评.</summary>
    public BadReviewState? StateBeforeAppeal { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateOnly OpenedDay { get; private set; }

    /// <summary>The last working day (hall calendar) on which closing is on time.</summary>
    public DateOnly DeadlineDay { get; private set; }
    public BadReviewEscalation Escalation { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateOnly? ClosedDay { get; private set; }
    public bool? ClosedOnTime { get; private set; }
    public int StepCount { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => State is not (BadReviewState.Closed or BadReviewState.Excluded);

    internal void Verify() => Move(BadReviewState.Opened, BadReviewState.Verified, "verify");

    internal void Rectify() => Move(BadReviewState.Verified, BadReviewState.Rectified, "rectify");

    internal void Reply() => Move(BadReviewState.Rectified, BadReviewState.Replied, "reply");

    internal void Close(DateTimeOffset at, DateOnly day)
    {
        Move(BadReviewState.Replied, BadReviewState.Closed, "close");
        Finish(at, day);
    }

    internal void Appeal()
    {
        if (State is not (BadReviewState.Opened or BadReviewState.Verified or BadReviewState.Rectified))
            throw Refuse("appeal");
        StateBeforeAppeal = State;
        State = BadReviewState.Appealed;
        Bump();
    }

    internal void Uphold()
    {
        if (State != BadReviewState.Appealed) throw Refuse("re-check");
        State = StateBeforeAppeal ?? BadReviewState.Opened;
        StateBeforeAppeal = null;
        Bump();
    }

    internal void Exclude(DateTimeOffset at, DateOnly day)
    {
        if (State != BadReviewState.Appealed) throw Refuse("re-check");
        State = BadReviewState.Excluded;
        Finish(at, day);
    }

    internal void Remind(DateTimeOffset at)
    {
        RemindedAt = at;
        Bump();
    }

    internal void Escalate(BadReviewEscalation to)
    {
        Escalation = to;
        Bump();
    }

    /// <summary>The next step's number in the trail.</summary>
    internal int NextStep() => ++StepCount;

    private void Move(BadReviewState from, BadReviewState to, string action)
    {
        if (State != from) throw Refuse(action);
        State = to;
        Bump();
    }

    private void Finish(DateTimeOffset at, DateOnly day)
    {
        ClosedAt = at;
        ClosedDay = day;
        ClosedOnTime = day <= DeadlineDay;
    }

    private void Bump() => Version++;

    private HallException Refuse(string action) =>
        HallException.Conflict("case.wrongState", ("number", TicketNumber), ("state", State.ToString().ToLowerInvariant()), ("action", action));
}
