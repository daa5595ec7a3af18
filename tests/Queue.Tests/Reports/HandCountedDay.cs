using Queue.LoadTests;
using Queue.Silo.Reports;
using Queue.Silo.Tickets;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Reports;

/// <summary>
/// Ten tickets of Monday 2026-11-16 at the demo city hall, counted by hand (times are Beijing time):
/// waits of the eight called tickets 5, 10, 20, 20 (phone: from check-in), 1, 30, 15, 40 minutes →
/// sorted 1 5 10 15 20 20 30 40: mean 141/8 = 17.625, p50 (4th) 15, p90 (ceil 7.2 = 8th) 40, within 15 min 4/8.
/// Handling of the six served 10, 20, 5, 10, 3, 10 → 58/6 = 9.67. Two no-shows, two cancelled, one transferred (B002,
/// to 企业设立 from another matter before window 7 finished it).
/// </summary>
public static class HandCountedDay
{
    public static readonly DateOnly Day = new(2026, 11, 16);

    public static IReadOnlyList<HistoryTicket> Tickets()
    {
        DateTimeOffset At(int h, int m) => new DateTimeOffset(2026, 11, 16, h, m, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        HistoryTicket T(string number, string service, TicketChannel channel, TicketStatus status, DateTimeOffset issued, DateTimeOffset? arrived,
            DateTimeOffset? called, DateTimeOffset? started, DateTimeOffset? finished, int? window, TicketOutcome? outcome, int transfers = 0) =>
            new(Demo.City, service, number, Day, channel, status, issued, arrived, called, started, finished,
                window is { } w ? Demo.Window(w) : null, window is { } s ? $"staff{s:D2}" : null, outcome, transfers);
        return
        [
            T("B001", Demo.CompanySetup, TicketChannel.Kiosk, TicketStatus.Done, At(9, 0), At(9, 0), At(9, 5), At(9, 6), At(9, 16), 7, TicketOutcome.Done),
            T("B002", Demo.CompanySetup, TicketChannel.Kiosk, TicketStatus.Done, At(9, 0), At(9, 0), At(9, 10), At(9, 10), At(9, 30), 7, TicketOutcome.Promised, transfers: 1),
            T("B003", Demo.CompanySetup, TicketChannel.Kiosk, TicketStatus.Done, At(9, 10), At(9, 10), At(9, 30), At(9, 31), At(9, 36), 7, TicketOutcome.SupplementRequired),
            T("B004", Demo.CompanySetup, TicketChannel.Mobile, TicketStatus.NoShow, At(8, 30), At(9, 20), At(9, 40), null, At(9, 45), 7, null),
            T("F001", Demo.Invoice, TicketChannel.Booking, TicketStatus.Done, At(9, 30), At(9, 30), At(9, 31), At(9, 31), At(9, 41), 14, TicketOutcome.Done),
            T("F002", Demo.Invoice, TicketChannel.Kiosk, TicketStatus.Done, At(10, 0), At(10, 0), At(10, 30), At(10, 30), At(10, 33), 14, TicketOutcome.Rejected),
            T("F003", Demo.Invoice, TicketChannel.Kiosk, TicketStatus.Cancelled, At(10, 5), At(10, 5), null, null, At(10, 20), null, null),
            T("F004", Demo.Invoice, TicketChannel.Mobile, TicketStatus.Cancelled, At(10, 10), null, null, null, At(11, 0), null, null),
            T("A001", Demo.SocialInsurance, TicketChannel.Kiosk, TicketStatus.Done, At(10, 0), At(10, 0), At(10, 15), At(10, 15), At(10, 25), 1, TicketOutcome.Done),
            T("A002", Demo.SocialInsurance, TicketChannel.Kiosk, TicketStatus.NoShow, At(10, 20), At(10, 20), At(11, 0), null, At(11, 5), 1, null),
        ];
    }

    /// <summary>Writes the day into the app's database, below the engine, as history is.</summary>
    public static Task WriteAsync(QueueApp app) =>
        TicketHistoryWriter.WriteAsync(app.Database.Kind == StorageKind.Postgres, app.Database.ConnectionString, Tickets());
}
