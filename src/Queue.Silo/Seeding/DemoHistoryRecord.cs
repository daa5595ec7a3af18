namespace Queue.Silo.Seeding;

/// <summary>
/// One demo hall's generated past (decision 0100): the business days it covers and whether it is written yet. Pages read
/// it to say that the hall's history is generated demo data, and that it is still being generated until
/// <see cref="FinishedAt"/> is set.
/// </summary>
public sealed class DemoHistoryRecord
{
    private DemoHistoryRecord() { }

    public DemoHistoryRecord(string hallId, DateOnly firstDay, DateOnly lastDay, DateTimeOffset startedAt)
    {
        HallId = hallId;
        FirstDay = firstDay;
        LastDay = lastDay;
        StartedAt = startedAt;
    }

    public string HallId { get; private set; } = "";
    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }
    public int Tickets { get; private set; }
    public int Ratings { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public bool Finished => FinishedAt is not null;

    internal void Finish(int tickets, int ratings, DateTimeOffset at)
    {
        Tickets = tickets;
        Ratings = ratings;
        FinishedAt = at;
    }
}
