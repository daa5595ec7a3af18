using System.Text.Json;
using Queue.Silo.Dispatch;
using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Prediction;
using Queue.Silo.Services;
using Queue.Silo.Simulation;
using Queue.Silo.Windows;

namespace Queue.Simulator;

/// <summary>
/// <c>dotnet run -c Release --project loadtests/Queue.Simulator -- --scenario FILE [--windows configured|dedicated|pooled]
/// [--policy engine|oldest-first] [--days N] [--predictor engine|queue-length]</c>: runs the real hall engine
/// on a virtual clock and prints one JSON object. An ordinary static class (not a top-level program) so the
/// tests can run it in-process next to the web host's global <c>Program</c>.
/// </summary>
public static class SimulatorCli
{
    private static readonly DateTimeOffset FirstDay = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static int Main(string[] args)
    {
        try
        {
            var options = SimulationOptions.Parse(args);
            Console.WriteLine(ToJson(Run(Scenario.Load(options.ScenarioPath), options)));
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException or JsonException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(SimulationOptions.Usage);
            return 2;
        }
    }

    public static string ToJson(SimulationReport report) => JsonSerializer.Serialize(report, Json);

    public static SimulationReport Run(Scenario scenario, SimulationOptions options)
    {
        var hallState = Build(scenario, options);
        var sim = new HallSimulation(hallState, FirstDay, t => throw new InvalidOperationException($"Ticket {t.Number} has no drawn service time."));
        var counted = new List<SimulatedVisit>();
        var arrived = 0;
        var openMinutes = 0.0;
        var opens = FirstDay;
        for (var day = 0; day < options.Days; day++)
        {
            // Each simulated day opens on a new business day at 09:00, after the previous one has drained.
            while (opens < sim.Now) opens = opens.AddDays(1);
            sim.StartDay(opens);
            var before = sim.Visits.Count;
            var arrivals = ScenarioDemand.Day(scenario, day, opens);
            var countFrom = opens.AddHours(scenario.WarmupHours);
            arrived += arrivals.Count(a => a.At >= countFrom);
            sim.Run(arrivals);
            counted.AddRange(sim.Visits.Skip(before).Where(v => v.IssuedAt >= countFrom));
            openMinutes += Math.Max(scenario.Hours * 60, (sim.Now - opens).TotalMinutes);
            opens = opens.AddDays(1);
        }
        return Report(scenario, options, counted, arrived, sim.BusyMinutes / (openMinutes * hallState.Windows.Count));
    }

    private static HallState Build(Scenario scenario, SimulationOptions options)
    {
        var hall = new Hall("sim", scenario.Name, HallLevel.City, null, "000000");
        var services = scenario.Services.Select((s, i) => new Service(s.Id, hall.Id, s.Name, s.Name, Prefix(i), s.MeanServiceMinutes, new ServiceGuide()) { SortOrder = i }).ToList();
        var windows = scenario.Windows.Select((w, i) =>
        {
            IEnumerable<string> skills = options.Windows switch
            {
                WindowMode.Dedicated => [w.Services[0]],
                WindowMode.Pooled => scenario.Services.Select(s => s.Id),
                _ => w.Services,
            };
            var window = new HallWindow(w.Id, hall.Id, i + 1, w.Id, skills);
            window.Open($"sim-staff-{window.Number}");
            return window;
        }).ToList();
        IDispatchPolicy dispatch = options.Policy == PolicyKind.OldestFirst ? new OldestFirstDispatch() : new EngineDispatch();
        IWaitPredictor predictor = options.Predictor == PredictorKind.QueueLength ? new PlainQueuePredictor() : new ForwardRunPredictor();
        return new HallState(hall, services, windows, [], [], dispatch, predictor);
    }

    private static SimulationReport Report(Scenario scenario, SimulationOptions options, List<SimulatedVisit> visits, int arrived, double utilization)
    {
        var waits = visits.Select(v => v.WaitMinutes).Order().ToList();
        var withEstimate = visits.Where(v => v.EstimateMinutes is not null).ToList();
        // The estimate a citizen sees is whole minutes, rounded up (HallSnapshot); judge that one.
        var errors = withEstimate.Select(v => Math.Ceiling(v.EstimateMinutes!.Value) - v.WaitMinutes).ToList();
        var meanWait = waits.Count == 0 ? 0 : waits.Average();
        var eta = errors.Count == 0 ? new EtaReport(0, 0, 0) : new EtaReport(
            Round(errors.Average(Math.Abs)),
            Round(meanWait > 0 ? Math.Sqrt(errors.Average(e => e * e)) / meanWait : 0),
            Round(errors.Count(e => Math.Abs(e) <= 5) / (double)errors.Count));
        return new SimulationReport(scenario.Name, options.Windows.ToString().ToLowerInvariant(), options.Policy == PolicyKind.OldestFirst ? "oldest-first" : "engine",
            options.Days, arrived, visits.Count, Round(meanWait), Round(Percentile(waits, 0.5)), Round(Percentile(waits, 0.9)),
            Round(waits.Count == 0 ? 0 : waits[^1]), Round(utilization), eta, options.Predictor == PredictorKind.QueueLength ? "queue-length" : "engine")
        {
            ErlangCMeanWaitMinutes = ErlangC.For(scenario, options.Windows) is { } theory ? Round(theory) : null,
        };
    }

    private static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        var rank = p * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double Round(double value) => Math.Round(value, 3);

    private static string Prefix(int index) => index < 26 ? ((char)('A' + index)).ToString() : "Z" + index;
}
