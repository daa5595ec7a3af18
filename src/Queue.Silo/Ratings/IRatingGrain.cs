namespace Queue.Silo.Ratings;

/// <summary>
/// The rating of one ticket (key: ticket id, decision 0090): 一次一评, taken one request at a time; a second rating
/// changes nothing and is refused (409 <c>rating.already</c>; a client retrying a lost answer sends an
/// <c>Idempotency-Key</c> and gets the first answer again). Each committed rating tells the window that served the
/// ticket, whose live score it feeds. Answers the rating's id.
/// </summary>
public interface IRatingGrain : IGrainWithGuidKey
{
    Task<Guid> Rate(RatingCredential credential, RatingInput input);

    /// <summary>追评: once, by the holder, after the ticket's bad-review case closed.</summary>
    Task<Guid> FollowUp(string? token, RatingInput input);
}
