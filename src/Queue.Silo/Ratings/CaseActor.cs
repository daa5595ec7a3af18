namespace Queue.Silo.Ratings;

/// <summary>Who moved a case: an account, or the system for reminders and escalations.</summary>
public sealed record CaseActor(string Id, string Name, string Role)
{
    public static readonly CaseActor System = new("system", "系统", "system");
}
