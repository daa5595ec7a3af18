using Queue.Silo.Prediction;
using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Services;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Tests.Engine;

/// <summary>A small hall in memory for engine tests: two services, three windows (one comprehensive), all open.</summary>
public sealed class TestHall
{
    public const string Social = "social";
    public const string Tax = "tax";

    public TestHall(DateTimeOffset? now = null)
    {
        Now = now ?? new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero); // 09:00 in Shanghai, a Monday
        var hall = new Hall("h", "测试大厅", HallLevel.Town, null, "000000");
        var services = new[]
        {
            new Service(Social, "h", "社保", "社会民生类", "A", 6, new ServiceGuide()),
            new Service(Tax, "h", "税务", "税务专项类", "F", 8, new ServiceGuide()),
        };
        var windows = new[]
        {
            new HallWindow("w1", "h", 1, "1号窗口", [Social]),
            new HallWindow("w2", "h", 2, "2号窗口", [Tax]),
            new HallWindow("w3", "h", 3, "3号综合窗口", [Social, Tax]),
        };
        foreach (var w in windows) w.Open("staff");
        State = new HallState(hall, services, windows, [], [], new OldestFirstDispatch(), new PlainQueuePredictor());
    }

    public HallState State { get; }
    public DateTimeOffset Now { get; set; }

    /// <summary>Runs one command the way the hall's writer does; answers the changes it made.</summary>
    public HallChanges Run(Action<HallState, HallChanges> command)
    {
        var changes = new HallChanges(State, Now);
        State.RollOver(changes);
        command(State, changes);
        return changes;
    }

    public T Run<T>(Func<HallState, HallChanges, T> command)
    {
        T result = default!;
        Run((s, c) => { result = command(s, c); });
        return result;
    }

    public Ticket Issue(string service = Social) => Run((s, c) => s.IssueTicket(service, TicketChannel.Kiosk, TicketPriority.Normal, "hash", c));

    public Ticket? CallNext(string window) => Run((s, c) => s.CallNext(window, c));
}
