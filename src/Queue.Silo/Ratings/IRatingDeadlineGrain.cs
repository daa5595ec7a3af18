namespace Queue.Silo.Ratings;

/// <summary>
/// A hall's rating deadlines (key: hall id, decision 0090): a durable reminder gives the default rating to served
/// tickets nobody rated within the hall's days, and reminds or escalates its bad-review cases as their working-day
/// deadlines come.
/// </summary>
public interface IRatingDeadlineGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the hall's reminder is registered; idempotent.</summary>
    Task Keep();
}
