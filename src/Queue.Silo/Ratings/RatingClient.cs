namespace Queue.Silo.Ratings;

/// <summary>Rating a ticket, as the API and the rating page ask for it: through the ticket's rating grain.</summary>
public sealed class RatingClient(IGrainFactory grains, RatingService ratings)
{
    public async Task<Rating> RateAsync(Guid ticketId, RatingCredential credential, RatingInput input) =>
        await ratings.GetAsync(await grains.GetGrain<IRatingGrain>(ticketId).Rate(credential, input));

    public async Task<Rating> FollowUpAsync(Guid ticketId, string? token, RatingInput input) =>
        await ratings.GetAsync(await grains.GetGrain<IRatingGrain>(ticketId).FollowUp(token, input));
}
