using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Prediction;
using Queue.Silo.Services;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Tests.Dispatch;

/// <summary>An in-memory hall (the real <see cref="HallState"/>, no storage) for dispatch and prediction rules.</summary>
internal sealed class SmallHall
{
    public static readonly DateTimeOffset Opening = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private SmallHall(HallState state) => State = state;

    public HallState State { get; }
    public DateTimeOffset Now { get; set; } = Opening;

    /// <summary>Services S1…Sn with the given norms; windows W1…Wm (numbers 1…m) with the given skills, all open and attended.</summary>
    public static SmallHall Create(IDispatchPolicy dispatch, double[] norms, string[][] windows, IWaitPredictor? predictor = null)
    {
        var hall = new Hall("small", "small hall", HallLevel.Town, null, "000000");
        var services = norms.Select((n, i) => new Service($"S{i + 1}", hall.Id, $"service {i + 1}", "社会民生类", ((char)('A' + i)).ToString(), n, new ServiceGuide()));
        var ws = windows.Select((skills, i) =>
        {
            var w = new HallWindow($"W{i + 1}", hall.Id, i + 1, $"{i + 1}号窗口", skills);
            w.Open($"staff-{i + 1}"); // someone at every window: only such a window calls and enters an estimate
            return w;
        }).ToList();
        return new SmallHall(new HallState(hall, services, ws, [], [], dispatch, predictor ?? new ForwardRunPredictor()));
    }

    public HallChanges Changes() => new(State, Now);

    public Ticket Issue(string serviceId, TicketPriority priority = TicketPriority.Normal) =>
        State.IssueTicket(serviceId, TicketChannel.Kiosk, priority, "", Changes());

    public Ticket? CallNext(string windowId) => State.CallNext(windowId, Changes());

    /// <summary>Calls, starts and returns the window's next ticket (the window is then busy until <see cref="Complete"/>).</summary>
    public Ticket Serve(string windowId)
    {
        var t = CallNext(windowId) ?? throw new InvalidOperationException($"{windowId} found nobody to call.");
        State.Start(windowId, Changes());
        return t;
    }

    public void Complete(string windowId) => State.Complete(windowId, TicketOutcome.Done, null, Changes());

    public void Advance(double minutes) => Now = Now.AddMinutes(minutes);
}
