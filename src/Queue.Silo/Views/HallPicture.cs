namespace Queue.Silo.Views;

/// <summary>A hall's snapshot as it travels between silos: the readers' part of <see cref="HallSnapshot"/>.</summary>
[Immutable]
public sealed record HallPicture(long Seq, HallDetail Detail, Board Board, IReadOnlyList<TicketView> Tickets);
