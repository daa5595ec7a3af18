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
                if (PromisedDate is not { } promised) throw HallException.Invalid("promisedDate", "invalid.promisedDate.required");
                if (promised < today) throw HallException.Invalid("promisedDate", "invalid.promisedDate.past");
                if (promised > today.AddYears(1)) throw HallException.Invalid("promisedDate", "invalid.promisedDate.tooFar");
                return new TicketCompletion(Outcome, note, promised);
            case TicketOutcome.SupplementRequired:
                if (materials.Count > MaxMaterials) throw HallException.Invalid("missingMaterials", "invalid.missingMaterials.tooMany");
                var unknown = materials.Where(m => !guide.Materials.Contains(m)).ToList();
                if (unknown.Count > 0)
                    throw HallException.Invalid("missingMaterials", "invalid.missingMaterials.unknown", ("materials", string.Join("、", unknown)));
                if (materials.Count == 0 && note is null)
                    throw HallException.Invalid("missingMaterials", "invalid.missingMaterials.required");
                return new TicketCompletion(Outcome, note, null, materials);
            case TicketOutcome.Rejected:
                if (note is null) throw HallException.Invalid("note", "invalid.note.reason");
                return new TicketCompletion(Outcome, note);
            default:
                return new TicketCompletion(Outcome, note);
        }
    }
}
