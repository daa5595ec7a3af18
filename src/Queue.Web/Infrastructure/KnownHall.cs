using Queue.Silo.Hosting;

namespace Queue.Web.Infrastructure;

/// <summary>
/// An unknown hall is 404 on every route that names one, also where the answer would otherwise be an empty
/// list or a default (rating policy, ratings, cases, exports, calendar). Hall ids are public, so this is
/// checked before the caller's rights.
/// </summary>
public static class KnownHall
{
    public static async Task<string> RequireAsync(HallClient halls, string? hallId, string field = "hallId")
    {
        var id = Validate.Id(hallId, field);
        await halls.SnapshotAsync(id);
        return id;
    }
}
