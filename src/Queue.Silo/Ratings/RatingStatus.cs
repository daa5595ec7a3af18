namespace Queue.Silo.Ratings;

/// <summary>What the holder's rating page needs: may they rate, rate again (追评), or is it done.</summary>
public sealed record RatingStatus(Guid TicketId, string HallId, string TicketNumber, string ServiceId, bool Served, Rating? First, Rating? FollowUp,
    BadReviewState? CaseState)
{
    public bool CanRate => Served && First is null;

    public bool CanFollowUp => First is not null && FollowUp is null && CaseState == BadReviewState.Closed;
}
