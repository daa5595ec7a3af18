namespace Queue.Silo.Booking;

/// <summary>
/// The bookings of one matter on one day of one hall (key: <c>hall|service|yyyy-MM-dd</c>): the one owner of
/// that day's slot capacities and of "one booking per person, matter and day" (decision 0084).
/// </summary>
public interface IBookingDayGrain : IGrainWithStringKey
{
    Task<BookingView> Book(string hallId, BookingRequest request);
}
