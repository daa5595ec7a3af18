using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Engine;
using Queue.Silo.Ratings;
using Queue.Silo.Reports;
using Queue.Web.Infrastructure;
using Queue.Web.Ratings;

namespace Queue.Web.Reports;

/// <summary>
/// Queue reports (design.md §4 "Reports"): rows by day, hour, matter, category, window, staff or channel; their
/// CSV/XLSX export; the halls under a city or town hall side by side; and the staffing plan.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapQueueReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/halls/{hallId}/reports").WithTags("reports").RequireAuthorization();

        group.MapGet("/queue", async Task<Ok<IReadOnlyList<ReportRow>>> (string hallId, DateOnly? from, DateOnly? to, string? by,
            ClaimsPrincipal user, QueueReports reports, TimeProvider time, CancellationToken ct) =>
        {
            var period = await AllowedPeriodAsync(hallId, from, to, user, reports, time, ct);
            return TypedResults.Ok(await reports.RowsAsync(hallId, period.From, period.To, Grouping(by), ct));
        });

        group.MapGet("/queue/export.{format}", async (string hallId, string format, DateOnly? from, DateOnly? to, string? by,
            ClaimsPrincipal user, QueueReports reports, TimeProvider time, HttpContext http) =>
        {
            if (!TableExport.IsFormat(format)) throw HallException.NotFound("export format", format);
            var period = await AllowedPeriodAsync(hallId, from, to, user, reports, time, http.RequestAborted);
            var grouping = Grouping(by);
            var rows = await reports.RowsAsync(hallId, period.From, period.To, grouping, http.RequestAborted);
            var name = string.Create(CultureInfo.InvariantCulture, $"queue-{hallId}-{grouping.ToString().ToLowerInvariant()}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}");
            await TableExport.WriteAsync(http, format, name, "排队统计", ReportExportRow.Headers, rows.Select(ReportExportRow.Fields).ToAsyncEnumerable());
        });

        group.MapGet("/halls", async Task<Ok<IReadOnlyList<HallReportRow>>> (string hallId, DateOnly? from, DateOnly? to, ClaimsPrincipal user,
            QueueReports reports, RatingScores scores, TimeProvider time, CancellationToken ct) =>
        {
            var period = await AllowedPeriodAsync(hallId, from, to, user, reports, time, ct);
            return TypedResults.Ok(await HallReportRow.UnderAsync(hallId, period, reports, scores, ct));
        });

        group.MapGet("/staffing", async Task<Ok<IReadOnlyList<StaffingCell>>> (string hallId, DateOnly? from, DateOnly? to, ClaimsPrincipal user,
            QueueReports reports, TimeProvider time, CancellationToken ct) =>
        {
            var period = await AllowedPeriodAsync(hallId, from, to, user, reports, time, ct);
            return TypedResults.Ok((await reports.BuildAsync(hallId, period.From, period.To, [], staffing: true, ct)).Staffing);
        });
        return routes;
    }

    /// <summary>day (default), hour, service, category, window, staff or channel.</summary>
    public static ReportGrouping Grouping(string? by) =>
        by is null ? ReportGrouping.Day
        : Enum.TryParse<ReportGrouping>(by, ignoreCase: true, out var g) && Enum.IsDefined(g) && !char.IsDigit(by[0]) ? g
        : throw HallException.Invalid("by", "invalid.by.report");

    /// <summary>Checks the hall exists and the caller may see it; the period defaults to today and spans at most 400 days.</summary>
    private static async Task<ReportPeriod> AllowedPeriodAsync(string hallId, DateOnly? from, DateOnly? to, ClaimsPrincipal user,
        QueueReports reports, TimeProvider time, CancellationToken ct)
    {
        Validate.Id(hallId, "hallId");
        var halls = await reports.HallsAsync(ct);
        if (halls.All(h => h.Id != hallId)) throw HallException.NotFound("hall", hallId);
        if (!user.SeesReportsOf(hallId, halls)) throw ReportAccess.Forbidden();
        var start = from ?? to ?? RatingReportEndpoints.Today(time);
        var end = to ?? start;
        if (end < start) throw HallException.Invalid("to", "invalid.to.beforeFrom");
        if (end.DayNumber - start.DayNumber + 1 > ReportPeriod.MaxDays) throw HallException.Invalid("to", "invalid.to.reportSpan", ("days", ReportPeriod.MaxDays));
        return new ReportPeriod("custom", start, end);
    }
}
