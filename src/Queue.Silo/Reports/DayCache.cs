using System.Collections.Concurrent;

namespace Queue.Silo.Reports;

/// <summary>
/// The tickets of business days that can no longer change, kept per hall and day so a month or a year is read from
/// the database once (decision 0087). Today and yesterday are never kept: a ticket may still be finished or
/// cancelled after midnight. Bounded: past <see cref="MaxTickets"/> the whole cache is dropped and refilled on use.
/// </summary>
public sealed class DayCache
{
    public const long MaxTickets = 6_000_000;

    private readonly ConcurrentDictionary<(string Hall, DateOnly Day), TicketFact[]> days = new();
    private readonly ConcurrentDictionary<string, NameTable> names = new();
    private long tickets;

    public NameTable NamesOf(string hallId) => names.GetOrAdd(hallId, _ => new NameTable());

    public bool TryGet(string hallId, DateOnly day, out TicketFact[] facts) => days.TryGetValue((hallId, day), out facts!);

    public static bool Keeps(DateOnly day, DateOnly today) => day < today.AddDays(-1);

    public void Put(string hallId, DateOnly day, TicketFact[] facts)
    {
        if (Interlocked.Add(ref tickets, facts.Length) > MaxTickets)
        {
            days.Clear();
            Interlocked.Exchange(ref tickets, facts.Length);
        }
        days[(hallId, day)] = facts;
    }
}
