using Queue.Silo.Reports;
using Queue.Silo.Services;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.LoadTests;

/// <summary>
/// A big hall's past, made up deterministically: open Monday to Saturday 09:00–17:00 (Beijing time), more people
/// on Monday mornings and Friday afternoons, waits that grow with the hour's crowd, handling around each matter's
/// norm, and the usual share of no-shows, cancellations and outcomes. For report benchmarks, not for dispatch.
/// </summary>
public static class HistoryGenerator
{
    private static readonly double[] HourWeight = [1.0, 1.4, 1.3, 0.7, 0.6, 1.0, 1.2, 0.9]; // 09:00 … 16:00
    private static readonly double[] DayWeight = [1.25, 1.0, 0.95, 1.0, 1.1, 0.7, 0]; // Monday … Sunday

    public static IEnumerable<HistoryTicket> Generate(string hallId, IReadOnlyList<Service> services, IReadOnlyList<HallWindow> windows,
        DateOnly firstDay, int days, int tickets, int seed = 16)
    {
        var random = new Random(seed);
        var open = Enumerable.Range(0, days).Select(firstDay.AddDays).Where(d => DayWeight[Weekday(d)] > 0).ToList();
        var weightSum = open.Sum(d => DayWeight[Weekday(d)]);
        var servedBy = services.ToDictionary(s => s.Id, s => windows.Where(w => w.ServiceIds.Contains(s.Id)).ToList());
        var callable = services.Where(s => servedBy[s.Id].Count > 0).ToList();
        var written = 0;
        for (var i = 0; i < open.Count; i++)
        {
            var day = open[i];
            // Spread the total exactly: the last day takes what rounding left over.
            var count = i == open.Count - 1 ? tickets - written : (int)Math.Round(tickets * DayWeight[Weekday(day)] / weightSum);
            written += count;
            var numbers = new Dictionary<string, int>();
            for (var n = 0; n < count; n++)
            {
                var service = callable[random.Next(callable.Count)];
                numbers[service.Prefix] = numbers.GetValueOrDefault(service.Prefix) + 1;
                yield return Ticket(random, hallId, service, servedBy[service.Id], day, $"{service.Prefix}{numbers[service.Prefix]:D4}");
            }
        }
    }

    private static HistoryTicket Ticket(Random random, string hallId, Service service, List<HallWindow> windows, DateOnly day, string number)
    {
        var hour = Pick(random, HourWeight);
        var local = day.ToDateTime(new TimeOnly(9 + hour, 0)).AddMinutes(random.NextDouble() * 60);
        var arrived = new DateTimeOffset(local, TimeSpan.FromHours(8)).ToUniversalTime();
        var roll = random.NextDouble();
        var channel = roll < 0.7 ? TicketChannel.Kiosk : roll < 0.9 ? TicketChannel.Mobile : TicketChannel.Booking;
        var issued = channel == TicketChannel.Mobile ? arrived.AddMinutes(-10 - random.NextDouble() * 50) : arrived;
        // Busier hours and busier days wait longer: exponential around 4 to 25 minutes.
        var crowd = HourWeight[hour] * DayWeight[Weekday(day)];
        var wait = -Math.Log(1 - random.NextDouble()) * (4 + 14 * crowd * crowd);
        var window = windows[random.Next(windows.Count)];
        var staff = $"staff{window.Number:D2}";
        var fate = random.NextDouble();
        if (fate < 0.03)
            return new(hallId, service.Id, number, day, channel, TicketStatus.Cancelled, issued, arrived, null, null, arrived.AddMinutes(wait / 2), null, null, null);
        var called = arrived.AddMinutes(wait);
        if (fate < 0.08)
            return new(hallId, service.Id, number, day, channel, TicketStatus.NoShow, issued, arrived, called, null, called.AddMinutes(3), window.Id, staff, null);
        var started = called.AddMinutes(0.5 + random.NextDouble());
        var handling = service.NormMinutes * Math.Exp(0.4 * Gaussian(random));
        var o = random.NextDouble();
        var outcome = o < 0.8 ? TicketOutcome.Done : o < 0.9 ? TicketOutcome.Promised : o < 0.97 ? TicketOutcome.SupplementRequired : TicketOutcome.Rejected;
        return new(hallId, service.Id, number, day, channel, TicketStatus.Done, issued, arrived, called, started, started.AddMinutes(handling), window.Id, staff, outcome);
    }

    private static int Weekday(DateOnly d) => ((int)d.DayOfWeek + 6) % 7;

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((x -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
