using Queue.Silo.Halls;
using Queue.Silo.Hosting;
using Queue.Silo.Views;

namespace Queue.Web.Api;

/// <summary>The tickets the wall asks to get ready: the head of each working window's list, in window order.</summary>
public sealed record NextTickets(IReadOnlyList<string> Numbers);

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
        // The wall's "请 X 号准备": the ticket numbers the working windows would call next (numbers only, as on the wall).
        group.MapGet("/{hallId}/board/next", async (string hallId, HallClient client) =>
            TypedResults.Ok(new NextTickets(Queue.Display.Shared.NextUp.Of(await client.SnapshotAsync(hallId)))));
        return routes;
    }
}
