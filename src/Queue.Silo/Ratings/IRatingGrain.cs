namespace Queue.Silo.Ratings;

/// <summary>
/// The rating of one ticket (key: ticket id, decision 0090): 一次一评, taken one request at a time. The same
/// rating sent again (a retry) answers the rating it made; a different one is refused. Each committed rating
/// tells the window that served the ticket, whose live score it feeds. Answers the rating's id.
/// </summary>
public interface IRatingGrain : IGrainWithGuidKey
{
    Task<Guid> Rate(RatingCredential credential, RatingInput input);

    /// <summary>追评: once, by the holder, after the ticket's bad-review case closed.</summary>
    Task<Guid> FollowUp(string? token, RatingInput input);
}
