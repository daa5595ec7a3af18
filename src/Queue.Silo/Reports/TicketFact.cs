using Queue.Silo.Tickets;

namespace Queue.Silo.Reports;

/// <summary>
/// What a report needs of one ticket, in 24 bytes: a year of a big hall is two million of them, kept in memory
/// for the days that can no longer change (<see cref="DayCache"/>). Durations are whole milliseconds (−1: none),
/// hours are the hall's local hours, names are indexes into the hall's <see cref="NameTable"/>.
/// </summary>
public readonly struct TicketFact(DateOnly businessDay, int waitMs, int handlingMs, int arrivalHour, int calledHour, TicketStatus status,
    TicketChannel channel, TicketOutcome? outcome, short service, short window, short staff, bool transferred = false)
{
    private readonly byte arrivalHour = (byte)arrivalHour, calledHour = (byte)(calledHour + 1), status = (byte)status, channel = (byte)channel,
        outcome = outcome is { } o ? (byte)(o + 1) : (byte)0;
    private readonly bool transferred = transferred;

    public DateOnly BusinessDay { get; } = businessDay;

    /// <summary>From issue — or check-in, for a phone ticket — to the first call; −1 when never called.</summary>
    public int WaitMs { get; } = waitMs;

    /// <summary>From start to completion of a served ticket; −1 otherwise.</summary>
    public int HandlingMs { get; } = handlingMs;

    /// <summary>The local hour the holder was in the hall (check-in, or issue), 0–23.</summary>
    public int ArrivalHour => arrivalHour;

    /// <summary>The local hour of the first call; −1 when never called.</summary>
    public int CalledHour => calledHour - 1;

    public TicketStatus Status => (TicketStatus)status;
    public TicketChannel Channel => (TicketChannel)channel;
    public TicketOutcome? Outcome => outcome == 0 ? null : (TicketOutcome)(outcome - 1);
    public short Service { get; } = service;

    /// <summary>Staff sent it to another service at least once (转移); it is counted under the service it ended with.</summary>
    public bool Transferred => transferred;

    /// <summary>−1: never called at a window.</summary>
    public short Window { get; } = window;

    /// <summary>−1: no staff member on record.</summary>
    public short Staff { get; } = staff;

    public double? WaitMinutes => WaitMs < 0 ? null : WaitMs / 60_000.0;
    public double? HandlingMinutes => HandlingMs < 0 ? null : HandlingMs / 60_000.0;
}
