namespace Queue.Silo.Services;

/// <summary>办事指南 — the 五公开 of a service: basis, materials, steps, time limit and fee.</summary>
public sealed record ServiceGuide
{
    public IReadOnlyList<string> Materials { get; init; } = [];
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>法定/承诺时限, e.g. "即办" or "5个工作日".</summary>
    public string TimeLimit { get; init; } = "";

    /// <summary>收费标准, e.g. "不收费".</summary>
    public string Fee { get; init; } = "";

    /// <summary>设定依据.</summary>
    public string Basis { get; init; } = "";
}
