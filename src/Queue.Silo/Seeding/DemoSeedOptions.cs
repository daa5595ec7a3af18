namespace Queue.Silo.Seeding;

/// <summary><c>Demo:Seed</c> (default true): fill an empty database with the demo halls and accounts.</summary>
public sealed class DemoSeedOptions
{
    public bool Seed { get; set; } = true;
    public string Password { get; set; } = "demo123";
}
