using Queue.Silo.Engine;
using Queue.Silo.Services;
using Queue.Silo.Tickets;

namespace Queue.Silo.Floor;

/// <summary>
/// How staff close a service (办结): the outcome and what the citizen is told with it. A 承诺件 needs the
/// promised day; a 补办 names the missing materials from the service's guide (一次性告知 — all of them,
/// at once); a 退回 needs its reason.
/// </summary>
public sealed record TicketCompletion(TicketOutcome Outcome, string? Note = null, DateOnly? PromisedDate = null, IReadOnlyList<string>? MissingMaterials = null)
{
    public const int MaxMaterials = 50;

    public IReadOnlyList<string> MissingMaterialsOrEmpty => MissingMaterials ?? [];

    /// <summary>The completion as it will be stored, or a refusal saying which field is wrong.</summary>
    public TicketCompletion Checked(ServiceGuide guide, DateOnly today)
    {
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        var materials = MissingMaterialsOrEmpty.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        switch (Outcome)
        {
            case TicketOutcome.Promised:
                if (PromisedDate is not { } promised) throw HallException.Invalid("promisedDate", "承诺件请填写承诺办结日期。/ A 承诺件 needs the promised date.");
                if (promised < today) throw HallException.Invalid("promisedDate", "承诺办结日期不能早于今天。/ The promised date cannot be in the past.");
                if (promised > today.AddYears(1)) throw HallException.Invalid("promisedDate", "承诺办结日期不能超过一年。/ The promised date is more than a year away.");
                return new TicketCompletion(Outcome, note, promised);
            case TicketOutcome.SupplementRequired:
                if (materials.Count > MaxMaterials) throw HallException.Invalid("missingMaterials", "所选材料过多。/ Too many materials.");
                var unknown = materials.Where(m => !guide.Materials.Contains(m)).ToList();
                if (unknown.Count > 0)
                    throw HallException.Invalid("missingMaterials", $"不在办事指南中：{string.Join("、", unknown)}。/ Not in the service's guide: {string.Join("、", unknown)}.");
                if (materials.Count == 0 && note is null)
                    throw HallException.Invalid("missingMaterials", "补办请勾选所缺材料，或在备注中写明。/ A 补办 names the missing materials (or describes them in the note).");
                return new TicketCompletion(Outcome, note, null, materials);
            case TicketOutcome.Rejected:
                if (note is null) throw HallException.Invalid("note", "退回请填写原因。/ A 退回 needs its reason.");
                return new TicketCompletion(Outcome, note);
            default:
                return new TicketCompletion(Outcome, note);
        }
    }
}
