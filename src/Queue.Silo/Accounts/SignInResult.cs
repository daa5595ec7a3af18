namespace Queue.Silo.Accounts;

/// <summary>A sign-in's answer: the account when it may sign in, and whether the account is locked after failed tries.</summary>
public sealed record SignInResult(Account? Account, bool Locked);
