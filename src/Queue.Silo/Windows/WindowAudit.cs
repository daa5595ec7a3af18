namespace Queue.Silo.Windows;

/// <summary>What the audit log keeps of a window: what an administrator sets, not its live state.</summary>
public sealed record WindowAudit(string Id, int Number, string Name, string? NameEn, IReadOnlyList<string> ServiceIds)
{
    public static WindowAudit Of(HallWindow w) => new(w.Id, w.Number, w.Name, w.NameEn, [.. w.ServiceIds]);
}
