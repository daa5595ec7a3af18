using Queue.Silo.Tickets;

namespace Queue.Silo.Reports;

/// <summary>
/// Counts and waits of the tickets of one report row, added one ticket at a time. Every wait is kept (in ms), so
/// the percentiles are exact, not estimated from buckets.
/// </summary>
public sealed class QueueFigures
{
    private readonly List<int> waits = [];
    private long waitSum, handlingSum;
    private int issued, served, noShow, cancelled, transferred, within15, handled, kiosk, mobile, booking;
    private readonly int[] outcomes = new int[4];

    private const int Within15Ms = 15 * 60_000;

    public int Issued => issued;

    public void Add(in TicketFact t)
    {
        issued++;
        switch (t.Channel)
        {
            case TicketChannel.Kiosk: kiosk++; break;
            case TicketChannel.Mobile: mobile++; break;
            default: booking++; break;
        }
        switch (t.Status)
        {
            case TicketStatus.Done: served++; break;
            case TicketStatus.NoShow: noShow++; break;
            case TicketStatus.Cancelled: cancelled++; break;
        }
        if (t.Transferred) transferred++;
        if (t.Outcome is { } o) outcomes[(int)o]++;
        if (t.WaitMs >= 0)
        {
            waits.Add(t.WaitMs);
            waitSum += t.WaitMs;
            if (t.WaitMs <= Within15Ms) within15++;
        }
        if (t.HandlingMs >= 0)
        {
            handlingSum += t.HandlingMs;
            handled++;
        }
    }

    public ReportRow ToRow(string key, string name, double? normMinutes = null)
    {
        waits.Sort();
        var n = waits.Count;
        return new ReportRow(key, name, issued, served, noShow, cancelled,
            n == 0 ? null : Round(waitSum / (double)n), Round(Percentile.Of(waits, 90)), handled == 0 ? null : Round(handlingSum / (double)handled),
            n == 0 ? null : Math.Round((double)within15 / n, 4), Round(Percentile.Of(waits, 50)), n, kiosk, mobile, booking,
            outcomes[(int)TicketOutcome.Done], outcomes[(int)TicketOutcome.Promised], outcomes[(int)TicketOutcome.SupplementRequired],
            outcomes[(int)TicketOutcome.Rejected], normMinutes, transferred);
    }

    private static double? Round(double? ms) => ms is { } m ? Math.Round(m / 60_000, 2, MidpointRounding.AwayFromZero) : null;

    private static double? Round(int? ms) => Round((double?)ms);
}
