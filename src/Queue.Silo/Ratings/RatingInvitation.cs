namespace Queue.Silo.Ratings;

/// <summary>What the pad receives when a ticket is completed at its window.</summary>
public sealed record RatingInvitation(Guid TicketId, string Invitation, DateTimeOffset ExpiresAt);
