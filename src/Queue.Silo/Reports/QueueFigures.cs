using Queue.Silo.Tickets;

namespace Queue.Silo.Reports;

/// <summary>
/// Counts and waits of the tickets of one report row, added one ticket at a time. Waits are kept whole, so the
/// percentiles are exact, not estimated from buckets.
/// </summary>
public sealed class QueueFigures
{
    private readonly List<double> waits = [];
    private double waitSum, handlingSum;
    private int issued, served, noShow, cancelled, within15, handled, kiosk, mobile, booking;
    private readonly int[] outcomes = new int[4];

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
        if (t.Outcome is { } o) outcomes[(int)o]++;
        if (t.WaitMinutes is { } w)
        {
            waits.Add(w);
            waitSum += w;
            if (w <= 15) within15++;
        }
        if (t.HandlingMinutes is { } h)
        {
            handlingSum += h;
            handled++;
        }
    }

    public ReportRow ToRow(string key, string name, double? normMinutes = null)
    {
        waits.Sort();
        var n = waits.Count;
        return new ReportRow(key, name, issued, served, noShow, cancelled,
            n == 0 ? null : Round(waitSum / n), Round(Percentile.Of(waits, 90)), handled == 0 ? null : Round(handlingSum / handled),
            n == 0 ? null : Math.Round((double)within15 / n, 4), Round(Percentile.Of(waits, 50)), n, kiosk, mobile, booking,
            outcomes[(int)TicketOutcome.Done], outcomes[(int)TicketOutcome.Promised], outcomes[(int)TicketOutcome.SupplementRequired],
            outcomes[(int)TicketOutcome.Rejected], normMinutes);
    }

    private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 2, MidpointRounding.AwayFromZero) : null;
}
