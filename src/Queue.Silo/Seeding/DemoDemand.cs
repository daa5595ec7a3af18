using Queue.Silo.Calendar;
using Queue.Silo.Ratings;
using Queue.Silo.Services;
using Queue.Silo.Simulation;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Silo.Seeding;

/// <summary>
/// Who comes to a demo hall on one day (decision 0100): Poisson arrivals per matter, sized so each window's share of its
/// matters keeps it about 70 % busy on an ordinary hour, with the crowds halls report — Monday and the morning busiest, a
/// lunch dip, Friday afternoon; service times lognormal around the matter's norm. A few leave before their turn, are
/// absent when called, or are sent on to another matter; outcomes and channels in proportions halls publish. Seeded by
/// hall and day, so a demo database is the same every time it is made on the same day.
/// </summary>
public sealed class DemoDemand
{
    private const double Load = 0.7;
    // 09:00 … 16:00: the morning peak, the lunch dip, the afternoon's second peak.
    private static readonly double[] HourWeight = [1.05, 1.35, 1.25, 0.6, 0.75, 1.15, 1.2, 0.75];
    private static readonly double[] DayWeight = [1.2, 1.0, 0.95, 1.0, 1.05, 0.6, 0.5]; // Monday … Sunday (a 调休 weekend opening is quiet)

    private readonly string hallId;
    private readonly IReadOnlyList<Service> services;
    private readonly Dictionary<string, double> perHour;
    private readonly Dictionary<string, List<Service>> sameCategory;

    public DemoDemand(string hallId, IReadOnlyList<Service> services, IReadOnlyList<HallWindow> windows)
    {
        this.hallId = hallId;
        this.services = services;
        // Each window gives its matters an equal share of its hour: the arrivals a matter may have at Load.
        perHour = services.ToDictionary(s => s.Id, s => windows.Where(w => w.Serves(s.Id))
            .Sum(w => Load * 60 / s.NormMinutes / w.ServiceIds.Count));
        sameCategory = services.ToDictionary(s => s.Id, s => services.Where(o => o.Category == s.Category && o.Id != s.Id).ToList());
    }

    public List<SimulatedArrival> Day(DateOnly day, DayHours hours)
    {
        var random = new Random(Seed(hallId, day.ToString("yyyyMMdd")));
        var all = new List<SimulatedArrival>();
        var open = hours.ClosesAt - hours.OpensAt;
        var dayWeight = DayWeight[((int)day.DayOfWeek + 6) % 7];
        foreach (var service in services)
        {
            var t = 0.0;
            for (var h = 0; h < Math.Ceiling(open.TotalHours); h++)
            {
                var end = Math.Min(h + 1, open.TotalHours) * 60;
                var rate = perHour[service.Id] * dayWeight * (h < HourWeight.Length ? HourWeight[h] : 0.8) / 60;
                if (rate <= 0) continue;
                // The last half hour takes few new tickets: halls stop issuing before they close.
                if (end > open.TotalMinutes - 30) rate /= 3;
                t = h * 60;
                while ((t += -Math.Log(1 - random.NextDouble()) / rate) < end)
                {
                    // Nobody takes a ticket in a lunch break (the kiosk is closed); the arrival is drawn anyway so a day without
                    // a break draws exactly the random numbers it did before.
                    var at = hours.OpensAt.AddMinutes(t);
                    var arrival = Arrival(random, at, service);
                    if (hours.IsOpenAt(at)) all.Add(arrival);
                }
            }
        }
        all.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.ServiceId, b.ServiceId));
        return all;
    }

    private SimulatedArrival Arrival(Random random, DateTimeOffset at, Service service)
    {
        var channel = random.NextDouble() switch { < 0.72 => TicketChannel.Kiosk, < 0.9 => TicketChannel.Mobile, _ => TicketChannel.Booking };
        var fate = random.NextDouble();
        var outcome = random.NextDouble() switch
        {
            < 0.78 => TicketOutcome.Done,
            < 0.9 => TicketOutcome.Promised,
            < 0.97 => TicketOutcome.SupplementRequired,
            _ => TicketOutcome.Rejected,
        };
        var others = sameCategory[service.Id];
        return new SimulatedArrival(at, service.Id, Minutes(random, service.NormMinutes),
            channel == TicketChannel.Booking ? TicketPriority.Booking : TicketPriority.Normal)
        {
            Channel = channel,
            // Most wait as long as it takes; some give up after 20 to 60 minutes.
            PatienceMinutes = fate < 0.12 ? 20 + random.NextDouble() * 40 : null,
            Absent = fate is >= 0.12 and < 0.16,
            Outcome = outcome,
            TransferTo = fate is >= 0.16 and < 0.19 && others.Count > 0 ? others[random.Next(others.Count)].Id : null,
            TransferMinutes = Minutes(random, service.NormMinutes * 0.6),
        };
    }

    /// <summary>A rating of a served ticket, or null when the citizen gave none (about four in ten do not).</summary>
    public static (RatingLevel Level, RatingChannel Channel, string? Comment)? Rating(Random random)
    {
        if (random.NextDouble() < 0.4) return null;
        var level = random.NextDouble() switch
        {
            < 0.73 => RatingLevel.VerySatisfied,
            < 0.91 => RatingLevel.Satisfied,
            < 0.982 => RatingLevel.BasicallySatisfied,
            < 0.995 => RatingLevel.Dissatisfied,
            _ => RatingLevel.VeryDissatisfied,
        };
        var comment = level.IsBad() ? BadComments[random.Next(BadComments.Length)] : null;
        return (level, random.NextDouble() < 0.8 ? RatingChannel.Pad : RatingChannel.Mobile, comment);
    }

    private static readonly string[] BadComments = ["等候时间太长", "材料要求没有一次说清楚", "工作人员态度不耐烦", "叫号后窗口迟迟不受理"];

    /// <summary>A stable seed from text (string.GetHashCode is randomised per process).</summary>
    public static int Seed(params string[] parts)
    {
        unchecked
        {
            var h = 17;
            foreach (var c in string.Join('|', parts)) h = h * 31 + c;
            return h & 0x7fffffff;
        }
    }

    private static double Minutes(Random random, double mean)
    {
        const double cv = 0.5;
        var sigma2 = Math.Log(1 + cv * cv);
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(Math.Log(mean) - sigma2 / 2 + Math.Sqrt(sigma2) * normal);
    }
}
