namespace Queue.Silo.Reports;

/// <summary>
/// The report facts of one closed business day of one hall, kept in the database (decision 0101): a node that has never
/// read the day loads this one row instead of the day's thousands of tickets. <see cref="Names"/> are the ids the facts
/// name, one per line, in the order of the indexes inside <see cref="Facts"/> (<see cref="ReportDayCodec"/>).
/// </summary>
public sealed class ReportDay
{
    private ReportDay() { }

    public ReportDay(string hallId, DateOnly businessDay, int tickets, string names, byte[] facts, DateTimeOffset closedAt)
    {
        HallId = hallId;
        BusinessDay = businessDay;
        Tickets = tickets;
        Names = names;
        Facts = facts;
        ClosedAt = closedAt;
    }

    public string HallId { get; private set; } = "";
    public DateOnly BusinessDay { get; private set; }
    public int Tickets { get; private set; }
    public string Names { get; private set; } = "";
    public byte[] Facts { get; private set; } = [];
    public DateTimeOffset ClosedAt { get; private set; }
}
