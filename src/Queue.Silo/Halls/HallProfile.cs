namespace Queue.Silo.Halls;

/// <summary>What an administrator sets about a hall: its place in the hierarchy, its address and its settings.</summary>
public sealed record HallProfile(string Name, HallLevel Level, string? ParentId, string RegionCode, string Address, HallSettings Settings);
