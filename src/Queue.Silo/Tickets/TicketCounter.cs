namespace Queue.Silo.Tickets;

/// <summary>The last number issued for one prefix on one business day of one hall.</summary>
public sealed class TicketCounter
{
    private TicketCounter() { }

    public TicketCounter(string hallId, DateOnly day, string prefix)
    {
        HallId = hallId;
        Day = day;
        Prefix = prefix;
    }

    public string HallId { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public string Prefix { get; private set; } = "";
    public int Last { get; private set; }

    internal string Next()
    {
        Last++;
        return Prefix + Last.ToString(Last < 1000 ? "D3" : "D4");
    }
}
