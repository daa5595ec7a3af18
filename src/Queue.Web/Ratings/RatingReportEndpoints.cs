using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using System.Security.Claims;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Ratings;
using Queue.Web.Infrastructure;

namespace Queue.Web.Ratings;

/// <summary>The ratings list, the scores, and the published results.</summary>
public static class RatingReportEndpoints
{
    public static IEndpointRouteBuilder MapRatingReports(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/ratings", async (string? hallId, string? windowId, string? staffId, string? serviceId, string? level,
            DateOnly? from, DateOnly? to, ClaimsPrincipal user, RatingQueries queries, HallClient halls) =>
        {
            var hall = await KnownHall.RequireAsync(halls, hallId ?? user.HomeHall());
            RatingAccess.Require(user.WorksCases(hall));
            var filter = new RatingFilter(hall, Optional(windowId, "windowId"), Optional(staffId, "staffId"), Optional(serviceId, "serviceId"), Level(level), from, to);
            var list = await queries.ListAsync(filter, 1000);
            return TypedResults.Ok(list.Select(r => RatingView.Of(r, user.SeesRaterPhone())).ToList());
        }).WithTags("ratings").RequireAuthorization();

        routes.MapGet("/api/halls/{hallId}/rating-scores", async (string hallId, string? by, string? period, DateOnly? date, ClaimsPrincipal user,
            RatingScores scores, TimeProvider time, HallClient halls, IStringLocalizer<Texts> T) =>
        {
            var snapshot = await halls.SnapshotAsync(Validate.Id(hallId, "hallId"));
            RatingAccess.Require(user.WorksCases(hallId));
            var p = ScorePeriod.Of(period, date ?? Today(time));
            var rows = await scores.ComputeAsync(hallId, p.From, p.To, Grouping(by));
            return TypedResults.Ok(new RatingScoresAnswer(p, T[RatingScores.Formula], rows));
        }).WithTags("ratings").RequireAuthorization();

        routes.MapGet("/api/halls/{hallId}/rating-results", async (string hallId, string? month, RatingScores scores, HallClient halls, TimeProvider time) =>
        {
            var snapshot = await halls.SnapshotAsync(Validate.Id(hallId, "hallId"));
            return TypedResults.Ok(await PublicResults.BuildAsync(scores, hallId, snapshot.Detail.Name, Month(month) ?? Today(time)));
        }).WithTags("ratings");
        return routes;
    }

    /// <summary>Parses <c>yyyy-MM</c>; null when absent.</summary>
    public static DateOnly? Month(string? month)
    {
        if (string.IsNullOrEmpty(month)) return null;
        return DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var d) ? d : throw HallException.Invalid("month", "invalid.month.format");
    }

    /// <summary>Today in the halls' time zone (every hall uses Asia/Shanghai).</summary>
    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Silo.Halls.Hall.DefaultTimeZone)).DateTime);

    public static RatingLevel? Level(string? level) =>
        string.IsNullOrEmpty(level) ? null
        : RatingLevels.All.FirstOrDefault(l => l.Camel().Equals(level, StringComparison.OrdinalIgnoreCase)) is var found && found != 0 ? found
        : throw HallException.Invalid("level", "invalid.level.filter");

    /// <summary>window (default), staff, service, category or hall.</summary>
    public static ScoreGrouping Grouping(string? by) =>
        by is null ? ScoreGrouping.Window
        : Enum.TryParse<ScoreGrouping>(by, ignoreCase: true, out var g) && Enum.IsDefined(g) && !char.IsDigit(by[0]) ? g
        : throw HallException.Invalid("by", "invalid.by.scores");

    private static string? Optional(string? id, string field) => string.IsNullOrEmpty(id) ? null : Validate.Id(id, field);
}
