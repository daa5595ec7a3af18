using Queue.Silo.Halls;
using Queue.Silo.Hosting;
using Queue.Silo.Views;

namespace Queue.Web.Api;

/// <summary>Public reads: the halls, one hall's services and windows, and its board.</summary>
public static class HallEndpoints
{
    public static IEndpointRouteBuilder MapHalls(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/halls").WithTags("halls");
        group.MapGet("/", async (HallSnapshots halls) =>
            TypedResults.Ok((await halls.AllSnapshotsAsync()).Select(s => s.Summary).ToList()));
        group.MapGet("/{hallId}", async (string hallId, HallClient client) =>
            TypedResults.Ok((await client.SnapshotAsync(hallId)).Detail));
        group.MapGet("/{hallId}/board", async (string hallId, HallClient client) =>
            TypedResults.Ok<Board>((await client.SnapshotAsync(hallId)).Board));
        return routes;
    }
}
