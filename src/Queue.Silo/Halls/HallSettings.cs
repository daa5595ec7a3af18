namespace Queue.Silo.Halls;

/// <summary>Per-hall rules a manager can change. Defaults are what most halls use.</summary>
public sealed record HallSettings
{
    /// <summary>A ticket waiting longer than this raises a supervision alert (电子监察).</summary>
    public int TargetWaitMinutes { get; init; } = 15;

    /// <summary>How many times staff may recall one ticket before marking it a no-show.</summary>
    public int MaxRecalls { get; init; } = 3;

    /// <summary>How many times the wall display speaks each call (a display may override it with ?repeat=).</summary>
    public int CallAnnouncementRepeats { get; init; } = 2;

    /// <summary>Silent paging fires when the ticket is this many places away …</summary>
    public int PageWhenPlacesAhead { get; init; } = 3;

    /// <summary>… or this many minutes away.</summary>
    public int PageWhenMinutesAway { get; init; } = 10;

    /// <summary>Opening hours (hall local time): a window closed between them while its services have a queue raises an alert.</summary>
    public TimeOnly OpensAt { get; init; } = new(9, 0);

    public TimeOnly ClosesAt { get; init; } = new(17, 0);

    /// <summary>Working days a bad-review case has before it is overdue.</summary>
    public int BadReviewDeadlineWorkingDays { get; init; } = 15;

    /// <summary>A remote (phone) ticket that reaches the front before its holder has checked in at the hall keeps its
    /// place this long after the first ticket behind it is called; arriving later, it queues from its arrival.</summary>
    public int PresenceGraceMinutes { get; init; } = 15;

    /// <summary>Share (0–1) of a service's window capacity that is open to online booking; the rest is for walk-ins.</summary>
    public double BookableShare { get; init; } = 0.5;

    /// <summary>How many working days ahead (today included) slots can be booked.</summary>
    public int BookingDaysAhead { get; init; } = 5;

    /// <summary>Length of one booking slot.</summary>
    public int BookingSlotMinutes { get; init; } = 30;

    /// <summary>A booking can be cancelled up to this long before its slot starts.</summary>
    public int BookingCancelCutoffMinutes { get; init; } = 120;

    /// <summary>Check-in opens this long before the slot (and closes at its end).</summary>
    public int CheckInEarlyMinutes { get; init; } = 30;

    /// <summary>After this many no-shows within <see cref="NoShowPeriodDays"/> a person may not book …</summary>
    public int NoShowLimit { get; init; } = 3;

    public int NoShowPeriodDays { get; init; } = 30;

    /// <summary>… for this many days after the last no-show.</summary>
    public int BookingBanDays { get; init; } = 30;
}
