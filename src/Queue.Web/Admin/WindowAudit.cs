using Queue.Silo.Views;

namespace Queue.Web.Admin;

/// <summary>What the audit log keeps of a window: what an administrator sets, not its live state.</summary>
public sealed record WindowAudit(string Id, int Number, string Name, IReadOnlyList<string> ServiceIds)
{
    public static WindowAudit Of(WindowView w) => new(w.Id, w.Number, w.Name, w.ServiceIds);
}
