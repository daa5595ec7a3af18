namespace Queue.Silo.Halls;

/// <summary>A service center (大厅). <see cref="Seq"/> is the number of the hall's last event.</summary>
public sealed class Hall
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    private Hall() { }

    public Hall(string id, string name, HallLevel level, string? parentId, string regionCode)
    {
        Id = id;
        Name = name;
        Level = level;
        ParentId = parentId;
        RegionCode = regionCode;
    }

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public HallLevel Level { get; private set; }
    public string? ParentId { get; private set; }

    /// <summary>行政区划 code, carried into rating exports.</summary>
    public string RegionCode { get; private set; } = "";
    public string Address { get; set; } = "";
    public string TimeZoneId { get; private set; } = DefaultTimeZone;
    public HallSettings Settings { get; set; } = new();
    public long Seq { get; private set; }

    /// <summary>Notices (公告) the wall display shows, one per line; edited by the hall's managers.</summary>
    public string Notices { get; internal set; } = "";

    /// <summary>Takes what an administrator entered; the id, time zone and sequence never change.</summary>
    internal void Describe(HallProfile profile)
    {
        Name = profile.Name;
        Level = profile.Level;
        ParentId = profile.ParentId;
        RegionCode = profile.RegionCode;
        Address = profile.Address;
        Settings = profile.Settings;
    }

    internal long NextSeq() => ++Seq;

    /// <summary>The business day a moment falls on, in the hall's own time zone.</summary>
    public DateOnly BusinessDay(DateTimeOffset at) => DateOnly.FromDateTime(LocalTime(at).DateTime);

    public DateTimeOffset LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));
}
