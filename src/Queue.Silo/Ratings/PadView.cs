namespace Queue.Silo.Ratings;

/// <summary>
/// What the evaluator pad shows: the window, the staff member on duty, the tags per level, and the
/// pending invitation (the ticket just completed there and not yet rated), if any.
/// </summary>
public sealed record PadView(string HallId, string HallName, string WindowId, int WindowNumber, string WindowName, PadStaff? Staff,
    IReadOnlyDictionary<string, List<string>> Tags, int CommentMaxLength, int InvitationSeconds, PadInvitation? Invitation);

/// <summary>The staff member on duty, as the citizen sees them (name, 工号; the photo is a placeholder).</summary>
public sealed record PadStaff(string Name, string StaffNumber);

/// <summary>An invitation to rate, pushed to the pad of the window that completed the ticket.</summary>
public sealed record PadInvitation(Guid TicketId, string TicketNumber, string ServiceName, string Invitation, DateTimeOffset ExpiresAt);
