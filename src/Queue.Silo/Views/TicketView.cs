using System.Text.Json.Serialization;
using Queue.Silo.Tickets;

namespace Queue.Silo.Views;

/// <summary>A ticket as its holder, the API and the hub see it. <see cref="Position"/> is 1 for the next in line.</summary>
/// <remarks>Immutable, so a grain's answer to a caller on its own silo is handed over without a copy.</remarks>
[Immutable]
public sealed record TicketView(
    Guid Id,
    string HallId,
    string ServiceId,
    string ServiceName,
    string Number,
    TicketStatus Status,
    int? Position,
    int? PeopleAhead,
    int? EstimatedWaitMinutes,
    int? WindowNumber,
    string? WindowName,
    TicketChannel Channel,
    TicketPriority Priority,
    DateTimeOffset IssuedAt,
    DateTimeOffset? CalledAt,
    TicketOutcome? Outcome,
    string? OutcomeNote,
    int RecallCount)
{
    /// <summary>When the holder checked in at the hall; null for a phone ticket whose holder has not arrived yet.</summary>
    public DateTimeOffset? ArrivedAt { get; init; }

    /// <summary>The booking this ticket was checked in from, if any.</summary>
    public Guid? BookingId { get; init; }

    /// <summary>
    /// SHA-256 of the holder's secret, so a holder's request can be checked against the snapshot instead of
    /// a database read (decision 0073). Internal: never serialised, never leaves the process.
    /// </summary>
    internal string TokenHash { get; init; } = "";

    /// <summary>
    /// Where the ticket stands in its service's line: its place (kept by a transfer, taken at check-in) less its
    /// priority's head start, the order the dispatch calls a line in. Internal like <see cref="TokenHash"/>.
    /// </summary>
    internal DateTimeOffset LineFrom { get; init; }

    /// <summary>The holder's secret; present only in the answer that issued the ticket.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; init; }

    /// <summary>The tracking page's address; present only in the answer that issued the ticket.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TrackUrl { get; init; }

    /// <summary>The window that called or served it; with <see cref="TargetWindowId"/>, what a staff terminal needs.</summary>
    public string? WindowId { get; init; }
    public string? TargetWindowId { get; init; }
    /// <summary>The first call, kept through recalls and transfers (<see cref="CalledAt"/> is the latest): where the wait ended.</summary>
    public DateTimeOffset? FirstCalledAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>承诺件: the promised day of the result.</summary>
    public DateOnly? PromisedDate { get; init; }

    /// <summary>补办: the one-time notice of missing materials (一次性告知).</summary>
    public IReadOnlyList<string> MissingMaterials { get; init; } = [];

    /// <summary>A 补办 re-entry: the ticket this one comes back from.</summary>
    public Guid? ReturnOfTicketId { get; init; }
}
