using Microsoft.EntityFrameworkCore;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Ratings;

/// <summary>
/// Builds the pad's picture of its window, including the invitation for the ticket completed there last
/// when it is recent and unrated, so a pad that reconnects gets the invitation back.
/// </summary>
public sealed class PadDesk(IDbContextFactory<QueueDb> dbs, HallClient halls, RatingInvitations invitations, TimeProvider time)
{
    public async Task<PadView> ViewAsync(string hallId, string windowId, CancellationToken ct = default)
    {
        var snapshot = await halls.SnapshotAsync(hallId);
        var window = snapshot.Detail.Windows.FirstOrDefault(w => w.Id == windowId) ?? throw HallException.NotFound("window", windowId);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var policy = await RatingPolicies.GetAsync(db, hallId, ct);
        PadStaff? staff = null;
        // A closed window has nobody at it, whoever worked it last (a row closed before decision 0079 still names them).
        if (window.State != WindowState.Closed && window.StaffId is { } staffId && await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == staffId, ct) is { } account)
            staff = new PadStaff(account.DisplayName, account.StaffNumber);

        var lifetime = TimeSpan.FromSeconds(policy.InvitationSeconds);
        var since = time.GetUtcNow() - lifetime;
        var last = await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.WindowId == windowId && t.Status == TicketStatus.Done && t.FinishedAt >= since)
            .OrderByDescending(t => t.FinishedAt).FirstOrDefaultAsync(ct);
        PadInvitation? invitation = null;
        if (last is not null && !await db.Set<Rating>().AnyAsync(r => r.TicketId == last.Id, ct))
            invitation = Invite(last, snapshot.Detail.Services.FirstOrDefault(s => s.Id == last.ServiceId)?.Name ?? "", lifetime - (time.GetUtcNow() - last.FinishedAt!.Value));
        return new PadView(hallId, snapshot.Detail.Name, window.Id, window.Number, window.Name, staff, policy.Tags, policy.CommentMaxLength, policy.InvitationSeconds, invitation);
    }

    /// <summary>
    /// The invitation for a ticket completed at its window, valid for the hall's invitation time from the
    /// completion (so a completion replayed after a reload never gets a fresh lifetime); null once expired.
    /// </summary>
    public async Task<PadInvitation?> InviteAsync(Guid ticketId, string hallId, string windowId, string number, string serviceName, DateTimeOffset completedAt,
        CancellationToken ct = default)
    {
        var policy = await RatingPolicies.GetAsync(dbs, hallId, ct);
        var left = TimeSpan.FromSeconds(policy.InvitationSeconds) - (time.GetUtcNow() - completedAt);
        if (left <= TimeSpan.Zero) return null;
        var issued = invitations.Issue(ticketId, hallId, windowId, left);
        return new PadInvitation(ticketId, number, serviceName, issued.Invitation, issued.ExpiresAt);
    }

    private PadInvitation Invite(Ticket t, string serviceName, TimeSpan left)
    {
        var issued = invitations.Issue(t.Id, t.HallId, t.WindowId!, left);
        return new PadInvitation(t.Id, t.Number, serviceName, issued.Invitation, issued.ExpiresAt);
    }
}
