namespace Queue.Silo.Storage;

/// <summary>One stored hall event: the journal other nodes catch up from and auditors read.</summary>
public sealed class HallEventRecord
{
    public string HallId { get; set; } = "";
    public long Seq { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
