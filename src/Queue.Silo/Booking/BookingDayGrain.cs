namespace Queue.Silo.Booking;

/// <summary>
/// Books one request at a time for its day: two citizens racing for the last place of a slot are served one after
/// the other by this grain, not by who wins a database race. The ledger's transaction and slot lock stay under it
/// as the fence for a second activation during a membership change.
/// </summary>
public sealed class BookingDayGrain(BookingLedger ledger) : Grain, IBookingDayGrain
{
    public Task<BookingView> Book(string hallId, BookingRequest request) => ledger.ReserveAsync(hallId, request);
}
