using Queue.Silo.Accounts;
using Queue.Silo.Hosting;

namespace Queue.Web.Ratings;

/// <summary>
/// What a citizen rates, named on the rating page: the matter, the window and the staff member who served the ticket
/// (the rating is bound to all three, design.md §6). Staff are named as the window's evaluator pad names them.
/// </summary>
public sealed record RatedVisit(string ServiceName, int? WindowNumber, string? WindowName, string? StaffName, string? StaffNumber)
{
    /// <summary>For the holder of <paramref name="token"/> only: a wrong token is not found, as everywhere else.</summary>
    public static async Task<RatedVisit> LoadAsync(HallClient halls, AccountService accounts, Guid ticketId, string? token)
    {
        var (hallId, ticket) = await halls.FindHolderAsync(ticketId, token);
        var detail = (await halls.SnapshotAsync(hallId)).Detail;
        var window = detail.Windows.FirstOrDefault(w => w.Id == ticket.WindowId);
        var staff = ticket.StaffId is { } id ? await accounts.FindAsync(id) : null;
        return new RatedVisit(detail.Services.FirstOrDefault(s => s.Id == ticket.ServiceId)?.Name ?? ticket.ServiceId,
            window?.Number, window?.Name, staff?.DisplayName, staff?.StaffNumber);
    }
}
