namespace Queue.Simulator;

public enum WindowMode { Configured, Dedicated, Pooled }

public enum PolicyKind { Engine, OldestFirst }

public enum PredictorKind { Engine, QueueLength }

/// <summary>The simulator's command line.</summary>
public sealed record SimulationOptions(string ScenarioPath, WindowMode Windows = WindowMode.Configured, PolicyKind Policy = PolicyKind.Engine,
    int Days = 1, PredictorKind Predictor = PredictorKind.Engine)
{
    public const string Usage =
        "usage: Queue.Simulator --scenario FILE [--windows configured|dedicated|pooled] [--policy engine|oldest-first] [--days N] [--predictor engine|queue-length]";

    public static SimulationOptions Parse(IReadOnlyList<string> args)
    {
        string? scenario = null;
        var options = new SimulationOptions("");
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--scenario" => options with { ScenarioPath = scenario = value },
                "--windows" => options with { Windows = value switch { "configured" => WindowMode.Configured, "dedicated" => WindowMode.Dedicated, "pooled" => WindowMode.Pooled, _ => throw Bad(args[i], value) } },
                "--policy" => options with { Policy = value switch { "engine" => PolicyKind.Engine, "oldest-first" => PolicyKind.OldestFirst, _ => throw Bad(args[i], value) } },
                "--predictor" => options with { Predictor = value switch { "engine" => PredictorKind.Engine, "queue-length" => PredictorKind.QueueLength, _ => throw Bad(args[i], value) } },
                "--days" => options with { Days = int.TryParse(value, out var d) && d is > 0 and <= 10_000 ? d : throw Bad(args[i], value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }
        return scenario is null ? throw new ArgumentException("--scenario FILE is required.") : options;
    }

    private static ArgumentException Bad(string option, string value) => new($"{option}: '{value}' is not allowed.");
}
