namespace Queue.Silo.Engine;

/// <summary>What kind of refusal a command met; the web host maps it to a problem-details status.</summary>
public enum RefusalKind { Invalid, NotFound, Conflict, Forbidden, Gone }

/// <summary>
/// A command the hall refuses. Thrown before any state is touched, so a refused command changes nothing.
/// Kind, code and field errors live in <see cref="Exception.Data"/>: Orleans carries an exception between
/// silos as its message and data, so that is what survives the trip from the hall grain.
/// </summary>
public sealed class HallException : Exception
{
    public HallException(RefusalKind kind, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null) : base(message)
    {
        Data["kind"] = (int)kind;
        Data["code"] = code;
        if (errors is not null) Data["errors"] = errors.ToDictionary(e => e.Key, e => e.Value);
    }

    public RefusalKind Kind => Data["kind"] is int kind ? (RefusalKind)kind : RefusalKind.Conflict;

    /// <summary>A stable machine-readable reason, e.g. <c>ticket.notWaiting</c>.</summary>
    public string Code => Data["code"] as string ?? "hall.refused";

    public IReadOnlyDictionary<string, string[]>? Errors => Data["errors"] as Dictionary<string, string[]>;

    public static HallException NotFound(string what, string id) =>
        new(RefusalKind.NotFound, $"{what}.notFound", $"{what} '{id}' was not found.");

    public static HallException Conflict(string code, string message) => new(RefusalKind.Conflict, code, message);

    public static HallException Invalid(string field, string message) =>
        new(RefusalKind.Invalid, "validation", message, new Dictionary<string, string[]> { [field] = [message] });
}
