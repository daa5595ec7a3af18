namespace Queue.Silo.Accounts;

/// <summary>The four roles of design.md §1. Citizens need no account: a ticket's token is their key.</summary>
public static class Role
{
    public const string Staff = "staff";
    public const string Manager = "manager";
    public const string Evaluator = "evaluator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Staff, Manager, Evaluator, Admin];
}
