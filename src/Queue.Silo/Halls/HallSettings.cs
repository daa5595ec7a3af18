namespace Queue.Silo.Halls;

/// <summary>Per-hall rules a manager can change. Defaults are what most halls use.</summary>
public sealed record HallSettings
{
    /// <summary>A ticket waiting longer than this raises a supervision alert (电子监察).</summary>
    public int TargetWaitMinutes { get; init; } = 15;

    /// <summary>How many times staff may recall one ticket before marking it a no-show.</summary>
    public int MaxRecalls { get; init; } = 3;

    /// <summary>Silent paging fires when the ticket is this many places away …</summary>
    public int PageWhenPlacesAhead { get; init; } = 3;

    /// <summary>… or this many minutes away.</summary>
    public int PageWhenMinutesAway { get; init; } = 10;

    /// <summary>Opening hours (hall local time): a window closed between them while its services have a queue raises an alert.</summary>
    public TimeOnly OpensAt { get; init; } = new(9, 0);

    public TimeOnly ClosesAt { get; init; } = new(17, 0);

    /// <summary>Working days a bad-review case has before it is overdue.</summary>
    public int BadReviewDeadlineWorkingDays { get; init; } = 15;
}
