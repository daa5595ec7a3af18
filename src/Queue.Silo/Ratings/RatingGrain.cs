using Queue.Silo.Engine;
using Queue.Silo.Windows;

namespace Queue.Silo.Ratings;

/// <summary>
/// The rating grain. Not reentrant: two requests rating one ticket take turns, so the second sees the first's
/// rating; the unique index on (ticket, round) stays underneath as the fence between activations.
/// </summary>
public sealed class RatingGrain(RatingService ratings) : Grain, IRatingGrain
{
    private Guid TicketId => this.GetPrimaryKey();

    public async Task<Guid> Rate(RatingCredential credential, RatingInput input)
    {
        try
        {
            var rating = await ratings.RateAsync(TicketId, credential, input);
            Tell(rating);
            return rating.Id;
        }
        catch (HallException e) when (e.Code == "rating.already")
        {
            // A retry (same channel, same rating) answers the rating that was made; anything else is a second rating.
            if (await ratings.FindAsync(TicketId, 1) is { } made && made.Channel == (credential.Invitation is null ? RatingChannel.Mobile : RatingChannel.Pad) && Repeats(made, input))
                return made.Id;
            throw;
        }
    }

    public async Task<Guid> FollowUp(string? token, RatingInput input)
    {
        try { return (await ratings.FollowUpAsync(TicketId, token, input)).Id; }
        catch (HallException e) when (e.Code == "rating.followUpAlready")
        {
            if (await ratings.FindAsync(TicketId, 2) is { } made && made.Channel == RatingChannel.Mobile && Repeats(made, input)) return made.Id;
            throw;
        }
    }

    private static bool Repeats(Rating made, RatingInput input) =>
        made.Level == input.Level
        && string.Equals(made.Comment ?? "", input.Comment ?? "", StringComparison.Ordinal)
        && made.Tags.ToHashSet(StringComparer.Ordinal).SetEquals(input.Tags);

    /// <summary>The window that served the ticket keeps a live score; it learns of the rating without our waiting.</summary>
    private void Tell(Rating rating)
    {
        if (rating.WindowId.Length == 0) return;
        _ = GrainFactory.GetGrain<IWindowGrain>(WindowKey.Of(rating.HallId, rating.WindowId)).Rated(rating.Id);
    }
}
