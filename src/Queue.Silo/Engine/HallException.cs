namespace Queue.Silo.Engine;

/// <summary>What kind of refusal a command met; the web host maps it to a problem-details status.</summary>
public enum RefusalKind { Invalid, NotFound, Conflict, Forbidden, Gone }

/// <summary>
/// A command the hall refuses. Thrown before any state is touched, so a refused command changes nothing.
/// </summary>
public sealed class HallException(RefusalKind kind, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public RefusalKind Kind { get; } = kind;

    /// <summary>A stable machine-readable reason, e.g. <c>ticket.notWaiting</c>.</summary>
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static HallException NotFound(string what, string id) =>
        new(RefusalKind.NotFound, $"{what}.notFound", $"{what} '{id}' was not found.");

    public static HallException Conflict(string code, string message) => new(RefusalKind.Conflict, code, message);

    public static HallException Invalid(string field, string message) =>
        new(RefusalKind.Invalid, "validation", message, new Dictionary<string, string[]> { [field] = [message] });
}
