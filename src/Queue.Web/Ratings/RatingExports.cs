using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Hosting;
using Queue.Silo.Ratings;
using Queue.Silo.Storage;
using Queue.Web.Infrastructure;

namespace Queue.Web.Ratings;

/// <summary>
/// CSV and XLSX exports of ratings (GB/T 39046-2020 Table 9) and of cases, for evaluators. Rows are read
/// from the database as they are written to the response, so an export of a year uses little memory.
/// </summary>
public static class RatingExports
{
    public static IEndpointRouteBuilder MapRatingExports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("rating exports").RequireAuthorization();
        group.MapGet("/ratings/export.{format}", async (string format, string? hallId, DateOnly? from, DateOnly? to, ClaimsPrincipal user, HttpContext http,
            RatingQueries queries, IDbContextFactory<QueueDb> dbs, HallClient known) =>
        {
            var hall = await HallAsync(hallId, user, known);
            var rows = queries.StreamAsync(new RatingFilter(HallId: hall, From: from, To: to), http.RequestAborted);
            await Write(http, dbs, format, "ratings", "评价", RatingExportRow.Headers, rows, (r, h) => RatingExportRow.Of(r, h).Fields(), r => r.HallId);
        });
        group.MapGet("/rating-cases/export.{format}", async (string format, string? hallId, DateOnly? from, DateOnly? to, ClaimsPrincipal user, HttpContext http,
            RatingQueries queries, IDbContextFactory<QueueDb> dbs, HallClient known) =>
        {
            var hall = await HallAsync(hallId, user, known);
            var rows = queries.StreamCasesAsync(hall, from, to, http.RequestAborted);
            await Write(http, dbs, format, "rating-cases", "差评工单", CaseExportRow.Headers, rows, CaseExportRow.Fields, c => c.HallId);
        });
        return routes;
    }

    private static async Task<string?> HallAsync(string? hallId, ClaimsPrincipal user, HallClient known)
    {
        var hall = hallId ?? user.HomeHall();
        if (hall is not null) RatingAccess.Require(user.EvaluatesHall(await KnownHall.RequireAsync(known, hall)));
        else RatingAccess.Require(user.EvaluatesHall("*"));
        return hall;
    }

    private static async Task Write<T>(HttpContext http, IDbContextFactory<QueueDb> dbs, string format, string fileName, string sheetName,
        IReadOnlyList<string> headers, IAsyncEnumerable<T> rows, Func<T, Hall, IReadOnlyList<string>> fields, Func<T, string> hallOf)
    {
        if (!TableExport.IsFormat(format)) throw HallException.NotFound("export format", format);
        Dictionary<string, Hall> halls;
        await using (var db = await dbs.CreateDbContextAsync(http.RequestAborted))
            halls = await db.Halls.AsNoTracking().ToDictionaryAsync(h => h.Id, http.RequestAborted);
        var stamp = RatingReportEndpoints.Today(http.RequestServices.GetRequiredService<TimeProvider>()).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await TableExport.WriteAsync(http, format, $"{fileName}-{stamp}", sheetName, headers, Fields(rows, r => fields(r, halls[hallOf(r)])));
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> Fields<T>(IAsyncEnumerable<T> rows, Func<T, IReadOnlyList<string>> fields)
    {
        await foreach (var row in rows) yield return fields(row);
    }
}
