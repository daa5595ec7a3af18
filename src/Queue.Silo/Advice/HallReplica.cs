using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Services;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.Silo.Advice;

/// <summary>
/// A private copy of a live hall, rebuilt from its snapshot as real engine objects, for what-if runs: the
/// live hall is never touched. Tickets keep their ids, numbers, services, priorities and times; windows
/// their state and current ticket; <paramref name="skills"/> may override one window's services.
/// </summary>
public static class HallReplica
{
    public static HallState From(HallSnapshot snapshot, IDispatchPolicy dispatch, IWaitPredictor predictor, string? windowId = null, IReadOnlyCollection<string>? skills = null)
    {
        var d = snapshot.Detail;
        var hall = new Hall(d.Id, d.Name, d.Level, d.ParentId, d.RegionCode) { Settings = d.Settings };
        var services = d.Services.Select(s => new Service(s.Id, d.Id, s.Name, s.Category, s.Prefix, s.NormMinutes, s.Guide, s.Bookable)).ToList();
        var byNumber = d.Windows.ToDictionary(w => w.Number, w => w.Id);
        var tickets = new List<Ticket>();
        var current = new Dictionary<string, Guid>();
        foreach (var v in snapshot.Tickets.Values)
        {
            if (v.Status is not (TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving)) continue;
            var t = new Ticket(v.Id, d.Id, v.ServiceId, v.Number, hall.BusinessDay(v.IssuedAt), v.Channel, v.Priority, "", v.IssuedAt);
            if (v.Status != TicketStatus.Waiting)
            {
                if (v.WindowNumber is not { } n || !byNumber.TryGetValue(n, out var wid)) continue;
                t.Call(wid, null, v.CalledAt ?? v.IssuedAt);
                if (v.Status == TicketStatus.Serving) t.Start(v.CalledAt ?? v.IssuedAt);
                current[wid] = t.Id;
            }
            tickets.Add(t);
        }
        var windows = d.Windows.Select(w =>
        {
            var window = new HallWindow(w.Id, d.Id, w.Number, w.Name, w.Id == windowId && skills is not null ? skills : w.ServiceIds);
            if (w.State == WindowState.Closed) return window;
            window.Open(w.StaffId);
            if (current.TryGetValue(w.Id, out var ticketId)) window.Begin(ticketId);
            else if (w.State == WindowState.Paused) window.Pause();
            return window;
        }).ToList();
        return new HallState(hall, services, windows, tickets, [], dispatch, predictor);
    }
}
