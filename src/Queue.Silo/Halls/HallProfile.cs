namespace Queue.Silo.Halls;

/// <summary>What an administrator sets about a hall: its place in the hierarchy, its address and its settings.</summary>
public sealed record HallProfile(string Name, HallLevel Level, string? ParentId, string RegionCode, string Address, HallSettings Settings)
{
    /// <summary>The hall's profile as stored; what the audit log keeps of a hall.</summary>
    public static HallProfile Of(Hall h) => new(h.Name, h.Level, h.ParentId, h.RegionCode, h.Address, h.Settings);
}
