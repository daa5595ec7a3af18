namespace Queue.Silo.Engine;

/// <summary>A manager replaced the hall's notices; the board carries the new text.</summary>
public sealed record HallNoticesChanged(int Lines) : HallEvent;
