using Queue.Silo.Tickets;

namespace Queue.Silo.Dispatch;

/// <summary>
/// Priority as a head start in minutes rather than an absolute rank: a 绿色通道 ticket goes ahead of
/// everyone who has waited less than its head start, but a ticket that has waited longer than that is
/// never overtaken by it. This is what keeps priorities from starving ordinary tickets.
/// </summary>
public static class PriorityHeadStart
{
    public const double GreenMinutes = 60;
    public const double ReturningMinutes = 45;
    public const double BookingMinutes = 30;

    /// <summary>The largest head start of any priority class.</summary>
    public const double MaxMinutes = GreenMinutes;

    public static double Minutes(TicketPriority priority) => priority switch
    {
        TicketPriority.Green => GreenMinutes,
        TicketPriority.Returning => ReturningMinutes,
        TicketPriority.Booking => BookingMinutes,
        _ => 0,
    };

    /// <summary>The moment the ticket counts as queued from: its place in line minus its head start.</summary>
    public static DateTimeOffset EffectiveQueuedAt(Ticket ticket) => ticket.QueuedAt.AddMinutes(-Minutes(ticket.Priority));
}
