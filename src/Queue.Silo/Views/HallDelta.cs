using Queue.Silo.Engine;

namespace Queue.Silo.Views;

/// <summary>
/// One commit of a hall as a read replica on another silo applies it: the events, the new board and detail,
/// and the ticket views that changed. <see cref="FromSeq"/> is the sequence it applies to; a replica at any
/// other sequence asks the hall grain for the whole picture instead.
/// </summary>
[Immutable]
public sealed record HallDelta(string HallId, long FromSeq, long Seq, HallDetail Detail, Board Board, IReadOnlyList<TicketView> Changed,
    IReadOnlyList<Guid> Removed, IReadOnlyList<HallEvent> Events);
