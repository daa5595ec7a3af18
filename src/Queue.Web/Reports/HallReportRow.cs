using Queue.Silo.Halls;
using Queue.Silo.Ratings;
using Queue.Silo.Reports;

namespace Queue.Web.Reports;

/// <summary>One hall of a city or town roll-up: its queue figures and its satisfaction rate over the same days.</summary>
public sealed record HallReportRow(string HallId, string Name, HallLevel Level, string? ParentId, ReportRow Figures, double? SatisfactionRate)
{
    /// <summary>The halls under <paramref name="hallId"/>, each reported alone, side by side.</summary>
    public static async Task<IReadOnlyList<HallReportRow>> UnderAsync(string hallId, ReportPeriod period, QueueReports reports,
        RatingScores scores, CancellationToken ct)
    {
        var rows = new List<HallReportRow>();
        foreach (var hall in ReportAccess.HallsUnder(hallId, await reports.HallsAsync(ct)))
        {
            var report = await reports.BuildAsync(hall.Id, period.From, period.To, [], staffing: false, ct);
            var rating = (await scores.ComputeAsync(hall.Id, period.From, period.To, ScoreGrouping.Hall, ct)).FirstOrDefault();
            rows.Add(new HallReportRow(hall.Id, hall.Name, hall.Level, hall.ParentId, report.Total, rating?.SatisfactionRate));
        }
        return rows;
    }
}
