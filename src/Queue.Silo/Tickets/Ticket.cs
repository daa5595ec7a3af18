using Queue.Silo.Engine;

namespace Queue.Silo.Tickets;

/// <summary>
/// One visit (号票). Transitions are guarded: each checks the current status first and throws before
/// changing anything, so a refused transition leaves the ticket as it was.
/// </summary>
public sealed class Ticket
{
    private Ticket() { }

    public Ticket(Guid id, string hallId, string serviceId, string number, DateOnly businessDay, TicketChannel channel,
        TicketPriority priority, string tokenHash, DateTimeOffset issuedAt)
    {
        Id = id;
        HallId = hallId;
        ServiceId = serviceId;
        Number = number;
        BusinessDay = businessDay;
        Channel = channel;
        Priority = priority;
        TokenHash = tokenHash;
        IssuedAt = issuedAt;
        QueuedAt = issuedAt;
        // A kiosk or booking ticket is taken in the hall; a phone ticket arrives when its holder scans the presence code.
        ArrivedAt = channel == TicketChannel.Mobile ? null : issuedAt;
    }

    /// <summary>A detached copy for a replay on another thread (never attached to storage, never written).</summary>
    internal Ticket Copy() => (Ticket)MemberwiseClone();

    public Guid Id { get; private set; }
    public string HallId { get; private set; } = "";
    public string ServiceId { get; private set; } = "";
    public string Number { get; private set; } = "";
    public DateOnly BusinessDay { get; private set; }
    public TicketChannel Channel { get; private set; }
    public TicketPriority Priority { get; private set; }
    public TicketStatus Status { get; private set; } = TicketStatus.Waiting;

    /// <summary>SHA-256 of the holder's secret; the secret itself is never stored.</summary>
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The ticket's place in line. A transfer keeps it, so the citizen does not queue again.</summary>
    public DateTimeOffset QueuedAt { get; private set; }
    /// <summary>The latest call: a recall moves it (the display and the no-show wait go by it), a transfer's next call replaces it.</summary>
    public DateTimeOffset? CalledAt { get; private set; }

    /// <summary>The ticket's first call, kept through recalls and transfers: where its wait ended.</summary>
    public DateTimeOffset? FirstCalledAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The window that called or served it last.</summary>
    public string? WindowId { get; private set; }

    /// <summary>When set, only this window may call the ticket (a transfer to a specific window).</summary>
    public string? TargetWindowId { get; private set; }
    public string? StaffId { get; private set; }
    public int RecallCount { get; private set; }

    /// <summary>How often staff sent it to another service (转移): reports count transferred tickets from it.</summary>
    public int TransferCount { get; private set; }
    public TicketOutcome? Outcome { get; private set; }
    public string? OutcomeNote { get; private set; }
    public Guid? BookingId { get; set; }

    /// <summary>承诺件: the day the citizen was promised the result.</summary>
    public DateOnly? PromisedDate { get; internal set; }

    /// <summary>补办: the missing materials named in the one-time notice (一次性告知).</summary>
    public List<string> MissingMaterials { get; internal set; } = [];

    /// <summary>A 补办 re-entry: the ticket this one comes back from with the missing materials.</summary>
    public Guid? ReturnOfTicketId { get; internal set; }
    /// <summary>When the holder was known to be in the hall; null for a phone ticket not yet checked in (签到).</summary>
    public DateTimeOffset? ArrivedAt { get; private set; }

    /// <summary>Hash of the phone's device id for a remote ticket: one active remote ticket per phone and service.</summary>
    public string? DeviceHash { get; internal set; }

    /// <summary>
    /// The holder checked in at the hall. Keeping the place means keeping <see cref="QueuedAt"/>; otherwise the
    /// ticket queues from now on.
    /// </summary>
    internal void Arrive(DateTimeOffset now, bool keepPlace)
    {
        Require(TicketStatus.Waiting, "check in");
        if (ArrivedAt is not null) return;
        ArrivedAt = now;
        if (!keepPlace) QueuedAt = now;
    }

    public bool IsActive => Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving;

    internal void Call(string windowId, string? staffId, DateTimeOffset now)
    {
        Require(TicketStatus.Waiting, "call");
        Status = TicketStatus.Called;
        WindowId = windowId;
        StaffId = staffId;
        TargetWindowId = null;
        CalledAt = now;
        FirstCalledAt ??= now;
        RecallCount = 0;
    }

    internal void Recall(int maxRecalls, DateTimeOffset now)
    {
        Require(TicketStatus.Called, "recall");
        if (RecallCount >= maxRecalls)
            throw HallException.Conflict("ticket.recallLimit", ("number", Number), ("recalls", RecallCount));
        RecallCount++;
        CalledAt = now;
    }

    internal void Start(DateTimeOffset now)
    {
        Require(TicketStatus.Called, "start");
        Status = TicketStatus.Serving;
        StartedAt = now;
    }

    internal void Complete(TicketOutcome outcome, string? note, DateTimeOffset now)
    {
        Require(TicketStatus.Serving, "complete");
        Status = TicketStatus.Done;
        Outcome = outcome;
        OutcomeNote = note;
        FinishedAt = now;
    }

    internal void MarkNoShow(DateTimeOffset now)
    {
        Require(TicketStatus.Called, "mark as no-show");
        Status = TicketStatus.NoShow;
        FinishedAt = now;
    }

    internal void TransferTo(string serviceId, string? targetWindowId)
    {
        if (Status is not (TicketStatus.Called or TicketStatus.Serving))
            throw WrongState("transfer");
        ServiceId = serviceId;
        TransferCount++;
        TargetWindowId = targetWindowId;
        Status = TicketStatus.Waiting;
        Priority = TicketPriority.Returning;
        CalledAt = null;
        StartedAt = null;
    }

    internal void Cancel(DateTimeOffset now)
    {
        Require(TicketStatus.Waiting, "cancel");
        Status = TicketStatus.Cancelled;
        FinishedAt = now;
    }

    private void Require(TicketStatus expected, string action)
    {
        if (Status != expected) throw WrongState(action);
    }

    private HallException WrongState(string action) => WrongStateOf(Number, Status, action);

    /// <summary>"A012 已办结，不能办理此操作。" (ticket.wrongState.done): one wording per status; the action travels for the log.</summary>
    internal static HallException WrongStateOf(string number, TicketStatus status, string action) =>
        new(RefusalKind.Conflict, "ticket.wrongState", status switch
        {
            TicketStatus.Waiting => "ticket.wrongState.waiting",
            TicketStatus.Called => "ticket.wrongState.called",
            TicketStatus.Serving => "ticket.wrongState.serving",
            TicketStatus.Done => "ticket.wrongState.done",
            TicketStatus.NoShow => "ticket.wrongState.noShow",
            _ => "ticket.wrongState.cancelled",
        }, ("number", number), ("action", action));
}
