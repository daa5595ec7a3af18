using Queue.Silo.Windows;

namespace Queue.Silo.Ratings;

/// <summary>
/// The rating grain. Not reentrant: two requests rating one ticket take turns, so the second finds the first's
/// rating and is refused without touching storage's race; the unique index on (ticket, round) stays underneath as
/// the fence between activations.
/// </summary>
public sealed class RatingGrain(RatingService ratings) : Grain, IRatingGrain
{
    private Guid TicketId => this.GetPrimaryKey();

    public async Task<Guid> Rate(RatingCredential credential, RatingInput input)
    {
        var rating = await ratings.RateAsync(TicketId, credential, input);
        // The window that served the ticket keeps a live score; it learns of the rating without our waiting.
        if (rating.WindowId.Length > 0) _ = GrainFactory.GetGrain<IWindowGrain>(WindowKey.Of(rating.HallId, rating.WindowId)).Rated(rating.Id);
        return rating.Id;
    }

    public async Task<Guid> FollowUp(string? token, RatingInput input) => (await ratings.FollowUpAsync(TicketId, token, input)).Id;
}
