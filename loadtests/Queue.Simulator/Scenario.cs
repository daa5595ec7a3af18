using System.Text.Json;
using System.Text.Json.Serialization;

namespace Queue.Simulator;

/// <summary>A simulator scenario file (design.md §5): services, windows with their skills, hourly arrival rates.</summary>
public sealed record Scenario
{
    public string Name { get; init; } = "";
    public int Seed { get; init; } = 1;
    public double Hours { get; init; } = 8;
    public double WarmupHours { get; init; }
    public IReadOnlyList<ScenarioService> Services { get; init; } = [];
    public IReadOnlyList<ScenarioWindow> Windows { get; init; } = [];
    public IReadOnlyList<ScenarioArrivals> Arrivals { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Scenario Load(string path)
    {
        var scenario = JsonSerializer.Deserialize<Scenario>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} is empty.");
        scenario.Check();
        return scenario;
    }

    private void Check()
    {
        if (Services.Count == 0 || Windows.Count == 0) throw new InvalidDataException("A scenario needs services and windows.");
        var ids = Services.Select(s => s.Id).ToHashSet();
        foreach (var w in Windows)
            if (w.Services.Count == 0 || w.Services.Any(s => !ids.Contains(s))) throw new InvalidDataException($"Window {w.Id} lists no or unknown services.");
        foreach (var a in Arrivals)
            if (!ids.Contains(a.Service)) throw new InvalidDataException($"Arrivals for unknown service {a.Service}.");
        if (Hours <= 0 || WarmupHours < 0 || WarmupHours >= Hours) throw new InvalidDataException("Need hours > warmupHours ≥ 0.");
    }
}

public sealed record ScenarioService(string Id, string Name, double MeanServiceMinutes, ServiceTimeShape ServiceTime = ServiceTimeShape.Exponential, double Cv = 1);

public enum ServiceTimeShape { Exponential, Deterministic, Lognormal }

public sealed record ScenarioWindow(string Id, IReadOnlyList<string> Services);

/// <summary><see cref="PerHour"/> is one Poisson rate, or a list with one rate per hour (the last repeats).</summary>
public sealed record ScenarioArrivals(string Service, JsonElement PerHour)
{
    public double RateAt(int hour)
    {
        if (PerHour.ValueKind == JsonValueKind.Number) return PerHour.GetDouble();
        var count = PerHour.GetArrayLength();
        return count == 0 ? 0 : PerHour[Math.Min(hour, count - 1)].GetDouble();
    }
}
