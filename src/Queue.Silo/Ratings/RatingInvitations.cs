using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Queue.Silo.Engine;

namespace Queue.Silo.Ratings;

/// <summary>
/// The pad's right to rate one ticket: a payload (ticket, hall, window, expiry) sealed with the shared
/// data-protection keys, so every node can issue and check it without storing anything. It is useless
/// for any other ticket, expires after the hall's invitation time (checked against <see cref="TimeProvider"/>),
/// and the ratings table's unique index makes it count once. See docs/decisions/0061.
/// </summary>
public sealed class RatingInvitations(IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("QueueHall.Ratings.PadInvitation.v1");

    public RatingInvitation Issue(Guid ticketId, string hallId, string windowId, TimeSpan lifetime)
    {
        var expires = time.GetUtcNow() + lifetime;
        var payload = string.Join('|', ticketId.ToString("N"), hallId, windowId, expires.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return new RatingInvitation(ticketId, protector.Protect(payload), expires);
    }

    /// <summary>The window the invitation was issued to; refuses a forged, foreign or expired one.</summary>
    public (string HallId, string WindowId) Check(string? invitation, Guid ticketId)
    {
        if (string.IsNullOrEmpty(invitation) || invitation.Length > 1000) throw HallException.NotFound("ticket", ticketId.ToString());
        string payload;
        try { payload = protector.Unprotect(invitation); }
        catch (CryptographicException) { throw HallException.NotFound("ticket", ticketId.ToString()); }
        var parts = payload.Split('|');
        if (parts.Length != 4 || parts[0] != ticketId.ToString("N")) throw HallException.NotFound("ticket", ticketId.ToString());
        var expires = new DateTimeOffset(long.Parse(parts[3], CultureInfo.InvariantCulture), TimeSpan.Zero);
        if (time.GetUtcNow() > expires)
            throw new HallException(RefusalKind.Gone, "rating.invitationExpired", "rating.invitationExpired");
        return (parts[1], parts[2]);
    }
}
