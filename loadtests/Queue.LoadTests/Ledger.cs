using System.Collections.Concurrent;

namespace Queue.LoadTests;

/// <summary>What the server acknowledged to the clients: the crash checker verifies each of these survived.</summary>
public sealed class Ledger
{
    public ConcurrentDictionary<Guid, IssuedRecord> Issued { get; } = new();
    public ConcurrentBag<CallRecord> Calls { get; } = [];
    public ConcurrentDictionary<Guid, string> Completed { get; } = new();
    public ConcurrentDictionary<Guid, string> Rated { get; } = new();
    public ConcurrentDictionary<Guid, byte> Watched { get; } = new();
}

public sealed record IssuedRecord(Guid Id, string HallId, string Number, string Token);

/// <summary>A call-next answered 200: which window got which ticket, when it was asked and answered (wall-clock ms).</summary>
public sealed record CallRecord(string HallId, string WindowId, Guid TicketId, double SentMs, double AnsweredMs);
