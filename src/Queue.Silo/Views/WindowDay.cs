using Queue.Silo.Tickets;

namespace Queue.Silo.Views;

/// <summary>A window's figures for the business day: services completed, no-shows, mean handling time (start to finish).</summary>
public sealed record WindowDay(int Completed, int NoShows, double? AverageHandlingMinutes)
{
    public static WindowDay Of(HallSnapshot snapshot, string windowId)
    {
        var mine = snapshot.Tickets.Values.Where(t => t.WindowId == windowId).ToList();
        var done = mine.Where(t => t.Status == TicketStatus.Done).ToList();
        var handled = done.Where(t => t.StartedAt is not null && t.FinishedAt is not null)
            .Select(t => (t.FinishedAt!.Value - t.StartedAt!.Value).TotalMinutes).ToList();
        return new WindowDay(done.Count, mine.Count(t => t.Status == TicketStatus.NoShow),
            handled.Count == 0 ? null : Math.Round(handled.Average(), 1));
    }
}
