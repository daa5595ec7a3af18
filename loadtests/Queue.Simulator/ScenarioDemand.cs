using Queue.Silo.Simulation;

namespace Queue.Simulator;

/// <summary>
/// The citizens of one simulated day: Poisson arrivals at each hour's rate and a service time per citizen.
/// Each (day, service) has its own seeded random streams, so every run of a scenario — whatever the
/// windows or policy — sees exactly the same citizens with the same service times.
/// </summary>
public static class ScenarioDemand
{
    public static List<SimulatedArrival> Day(Scenario scenario, int day, DateTimeOffset opens)
    {
        var all = new List<SimulatedArrival>();
        for (var i = 0; i < scenario.Arrivals.Count; i++)
        {
            var arrivals = scenario.Arrivals[i];
            var service = scenario.Services.First(s => s.Id == arrivals.Service);
            var when = new Random(HashCode(scenario.Seed, day, i, 1));
            var how = new Random(HashCode(scenario.Seed, day, i, 2));
            var t = 0.0;
            var hours = (int)Math.Ceiling(scenario.Hours);
            for (var h = 0; h < hours; h++)
            {
                var end = Math.Min(h + 1, scenario.Hours) * 60;
                var rate = arrivals.RateAt(h) / 60;
                t = h * 60;
                if (rate <= 0) continue;
                while (true)
                {
                    t += -Math.Log(1 - when.NextDouble()) / rate;
                    if (t >= end) break;
                    all.Add(new SimulatedArrival(opens.AddMinutes(t), service.Id, ServiceMinutes(service, how)));
                }
            }
        }
        all.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.ServiceId, b.ServiceId));
        return all;
    }

    public static double ServiceMinutes(ScenarioService service, Random random)
    {
        var mean = service.MeanServiceMinutes;
        switch (service.ServiceTime)
        {
            case ServiceTimeShape.Deterministic:
                return mean;
            case ServiceTimeShape.Lognormal:
                var sigma2 = Math.Log(1 + service.Cv * service.Cv);
                var mu = Math.Log(mean) - sigma2 / 2;
                return Math.Exp(mu + Math.Sqrt(sigma2) * StandardNormal(random));
            default:
                return -Math.Log(1 - random.NextDouble()) * mean;
        }
    }

    private static double StandardNormal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A stable seed from parts (System.HashCode is randomised per process, so not used).</summary>
    private static int HashCode(params int[] parts)
    {
        unchecked
        {
            var h = 17;
            foreach (var p in parts) h = h * 31 + p;
            return h & 0x7fffffff;
        }
    }
}
