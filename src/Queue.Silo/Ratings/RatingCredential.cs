namespace Queue.Silo.Ratings;

/// <summary>
/// The right to rate a ticket: the holder's token (phone), or the one-time invitation the window's pad
/// received when the ticket was completed there. Exactly one is set.
/// </summary>
public sealed record RatingCredential(string? Token, string? Invitation)
{
    public static RatingCredential Holder(string? token) => new(token, null);

    public static RatingCredential Pad(string? invitation) => new(null, invitation);
}
