using Queue.Tests.Infrastructure;

namespace Queue.Tests.Manage;

internal static class ConsoleClock
{
    /// <summary>Today at 10:00 in Shanghai: inside the hall's opening hours whatever time the tests run.</summary>
    public static ManualClock InOpeningHours() =>
        new(new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddHours(2), TimeSpan.Zero));
}
