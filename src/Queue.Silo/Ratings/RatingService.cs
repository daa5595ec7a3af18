using Microsoft.EntityFrameworkCore;
using Queue.Silo.Engine;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;

namespace Queue.Silo.Ratings;

/// <summary>
/// 一次一评: rates a served ticket once, from the holder's phone or the window's pad (both come here), and
/// opens a bad-review case for a 差评 in the same transaction. The follow-up (追评) is allowed once, after
/// the ticket's case closed. Ratings live outside the hall writer: the unique index on (ticket, round) is
/// what makes "once" hold across nodes and races.
/// </summary>
public sealed class RatingService(IDbContextFactory<QueueDb> dbs, RatingInvitations invitations, BadReviewCases cases, TimeProvider time)
{
    public const int MaxTags = 10;

    public async Task<Rating> RateAsync(Guid ticketId, RatingCredential credential, RatingInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct) ?? throw HallException.NotFound("ticket", ticketId.ToString());
        var channel = Authorize(ticket, credential);
        if (ticket.Status != TicketStatus.Done)
            throw HallException.Conflict("rating.notServed", ("number", ticket.Number));
        var policy = await RatingPolicies.GetAsync(db, ticket.HallId, ct);
        input = Check(input, policy);
        if (await db.Set<Rating>().AnyAsync(r => r.TicketId == ticketId && r.Round == 1, ct)) throw AlreadyRated(ticket);

        var now = time.GetUtcNow();
        var rating = new Rating(Guid.NewGuid(), RatingSubject.Of(ticket), 1, input.Level, input.Tags, input.Comment, channel, input.Phone, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(rating);
        if (input.Level.IsBad()) await cases.OpenAsync(db, rating, ct);
        await SaveOnceAsync(db, ticket, ct);
        await tx.CommitAsync(ct);
        return rating;
    }

    /// <summary>The holder's view of the ticket's ratings; a wrong token is answered like an unknown ticket.</summary>
    public async Task<RatingStatus> StatusAsync(Guid ticketId, string? token, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct) ?? throw HallException.NotFound("ticket", ticketId.ToString());
        Authorize(ticket, RatingCredential.Holder(token));
        var ratings = await db.Set<Rating>().AsNoTracking().Where(r => r.TicketId == ticketId).ToListAsync(ct);
        var first = ratings.FirstOrDefault(r => r.Round == 1);
        var state = first is null ? null : await db.Set<BadReviewCase>().Where(c => c.RatingId == first.Id).Select(c => (BadReviewState?)c.State).FirstOrDefaultAsync(ct);
        return new RatingStatus(ticket.Id, ticket.HallId, ticket.Number, ticket.ServiceId, ticket.Status == TicketStatus.Done, first,
            ratings.FirstOrDefault(r => r.Round == 2), state);
    }

    /// <summary>追评: once, by the holder, after the bad-review case of the ticket's rating was closed.</summary>
    public async Task<Rating> FollowUpAsync(Guid ticketId, string? token, RatingInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct) ?? throw HallException.NotFound("ticket", ticketId.ToString());
        Authorize(ticket, RatingCredential.Holder(token));
        var first = await db.Set<Rating>().AsNoTracking().FirstOrDefaultAsync(r => r.TicketId == ticketId && r.Round == 1, ct);
        var closed = first is not null && await db.Set<BadReviewCase>().AnyAsync(c => c.RatingId == first.Id && c.State == BadReviewState.Closed, ct);
        if (!closed) throw HallException.Conflict("rating.followUpNotOpen");
        if (await db.Set<Rating>().AnyAsync(r => r.TicketId == ticketId && r.Round == 2, ct)) throw FollowUpAlready(ticket);
        var policy = await RatingPolicies.GetAsync(db, ticket.HallId, ct);
        input = Check(input, policy);
        var rating = new Rating(Guid.NewGuid(), RatingSubject.Of(ticket), 2, input.Level, input.Tags, input.Comment, RatingChannel.Mobile, input.Phone ?? first!.RaterPhone, time.GetUtcNow());
        db.Add(rating);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            if (await RoundExistsAsync(ticketId, 2, ct)) throw FollowUpAlready(ticket);
            throw;
        }
        return rating;
    }

    /// <summary>A rating by its id.</summary>
    public async Task<Rating> GetAsync(Guid ratingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<Rating>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == ratingId, ct) ?? throw HallException.NotFound("rating", ratingId.ToString());
    }

    private RatingChannel Authorize(Ticket ticket, RatingCredential credential)
    {
        if (credential.Token is not null && credential.Invitation is not null) throw HallException.Invalid("token", "invalid.token.both");
        if (credential.Invitation is not null)
        {
            var (hallId, windowId) = invitations.Check(credential.Invitation, ticket.Id);
            // The invitation names the window the pad stands at; it must be the window that served this ticket.
            if (hallId != ticket.HallId || windowId != ticket.WindowId) throw HallException.NotFound("ticket", ticket.Id.ToString());
            return RatingChannel.Pad;
        }
        if (!TicketToken.Matches(credential.Token, ticket.TokenHash)) throw HallException.NotFound("ticket", ticket.Id.ToString());
        return RatingChannel.Mobile;
    }

    /// <summary>Refuses what the policy does not allow; answers the input with the call-back number normalised (<see cref="CallBackPhone"/>).</summary>
    private static RatingInput Check(RatingInput input, RatingPolicy policy)
    {
        if (!Enum.IsDefined(input.Level)) throw HallException.Invalid("level", "invalid.level.unknown");
        if (input.Tags.Count > MaxTags) throw HallException.Invalid("tags", "invalid.tags.tooMany", ("most", MaxTags));
        var allowed = policy.TagsFor(input.Level);
        var unknown = input.Tags.Where(t => !allowed.Contains(t)).ToList();
        if (unknown.Count > 0) throw HallException.Invalid("tags", "invalid.tags.notOfLevel", ("tags", string.Join(", ", unknown)));
        if (input.Comment is { } c && c.Length > policy.CommentMaxLength) throw HallException.Invalid("comment", "invalid.comment.tooLong", ("most", policy.CommentMaxLength));
        if (input.Phone is null) return input;
        var phone = CallBackPhone.Normalize(input.Phone)
            ?? throw HallException.Invalid("phone", "invalid.phone.callback");
        return input with { Phone = phone };
    }

    private async Task SaveOnceAsync(QueueDb db, Ticket ticket, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Another request (or the other channel) rated it a moment ago: the unique index refused ours.
            if (await RoundExistsAsync(ticket.Id, 1, ct)) throw AlreadyRated(ticket);
            throw;
        }
    }

    private async Task<bool> RoundExistsAsync(Guid ticketId, int round, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<Rating>().AnyAsync(r => r.TicketId == ticketId && r.Round == round, ct);
    }

    private static HallException AlreadyRated(Ticket ticket) =>
        HallException.Conflict("rating.already", ("number", ticket.Number));

    private static HallException FollowUpAlready(Ticket ticket) =>
        HallException.Conflict("rating.followUpAlready", ("number", ticket.Number));
}
