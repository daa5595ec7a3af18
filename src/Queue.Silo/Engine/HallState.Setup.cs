using Queue.Silo.Halls;
using Queue.Silo.Services;
using Queue.Silo.Windows;

namespace Queue.Silo.Engine;

/// <summary>
/// The administrator's changes to a hall while it is open (issue 15, decision 0091): its profile, its matters and
/// its windows. They run on the hall's writer like every command, so a new window or matter is in the next
/// snapshot (kiosk, phone, wall, estimates) and nothing a citizen holds can be removed under them.
/// </summary>
public sealed partial class HallState
{
    public Hall Configure(HallProfile profile, HallChanges changes)
    {
        Hall.Describe(profile);
        changes.Emit(new HallConfigured("hall"));
        return Hall;
    }

    public Service AddService(string id, ServiceDraft draft, HallChanges changes)
    {
        if (services.ContainsKey(id)) throw HallException.Conflict("service.exists", ("id", id));
        var service = NewService(id, draft, services.Count == 0 ? 0 : services.Values.Max(s => s.SortOrder) + 1);
        services.Add(id, service);
        changes.Add(service);
        changes.Emit(new HallConfigured("service.create"));
        return service;
    }

    public Service UpdateService(string id, ServiceDraft draft, HallChanges changes)
    {
        var service = GetService(id);
        service.Describe(draft);
        changes.Touch(service);
        changes.Emit(new HallConfigured("service.update"));
        return service;
    }

    /// <summary>Removes a matter no ticket is waiting for or being served in; the windows that served it stop serving it.</summary>
    public Service RemoveService(string id, HallChanges changes)
    {
        var service = GetService(id);
        var active = tickets.Values.Count(t => t.ServiceId == id && t.IsActive);
        if (active > 0)
            throw HallException.Conflict("service.hasTickets", ("active", active), ("service", service.Name));
        foreach (var window in windows.Values.Where(w => w.Serves(id)))
        {
            window.AssignServices(window.ServiceIds.Where(s => s != id).ToList());
            Changed(window, changes);
        }
        services.Remove(id);
        changes.Remove(service);
        changes.Emit(new HallConfigured("service.remove"));
        return service;
    }

    /// <summary>
    /// A whole catalog in one commit: each row creates its matter or updates the matter with its id, in the file's
    /// order. Rows were checked one by one before; a refusal here (a duplicate id) changes nothing.
    /// </summary>
    public CatalogImported ImportServices(IReadOnlyList<ServiceDraft> rows, HallChanges changes)
    {
        var ids = rows.Select(r => r.Id ?? throw HallException.Invalid("file", "invalid.file.idMissing")).ToList();
        if (ids.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw HallException.Invalid("file", "invalid.file.idTwice", ("id", twice.Key));
        var (created, updated) = (0, 0);
        for (var i = 0; i < rows.Count; i++)
        {
            if (services.TryGetValue(ids[i], out var existing))
            {
                existing.Describe(rows[i]);
                existing.SortOrder = i;
                changes.Touch(existing);
                updated++;
            }
            else
            {
                var service = NewService(ids[i], rows[i], i);
                services.Add(service.Id, service);
                changes.Add(service);
                created++;
            }
        }
        changes.Emit(new HallConfigured("service.import"));
        return new CatalogImported(created, updated);
    }

    public HallWindow AddWindow(string id, int number, string name, string? nameEn, IReadOnlyCollection<string> serviceIds, HallChanges changes)
    {
        if (windows.ContainsKey(id)) throw HallException.Conflict("window.exists", ("id", id));
        RequireFreeNumber(number, null);
        RequireKnownServices(serviceIds);
        var window = new HallWindow(id, Hall.Id, number, name, serviceIds);
        window.Describe(number, name, nameEn);
        windows.Add(id, window);
        changes.Add(window);
        changes.Emit(new WindowChanged(window.Id, window.State, window.ServiceIds.ToList()));
        return window;
    }

    public HallWindow UpdateWindow(string id, int number, string name, string? nameEn, IReadOnlyCollection<string> serviceIds, HallChanges changes)
    {
        var window = GetWindow(id);
        RequireFreeNumber(number, id);
        RequireKnownServices(serviceIds);
        window.Describe(number, name, nameEn);
        window.AssignServices(serviceIds);
        Changed(window, changes);
        return window;
    }

    /// <summary>Removes a closed window that no ticket was transferred to; an open or serving one answers 409 (close it first).</summary>
    public HallWindow RemoveWindow(string id, HallChanges changes)
    {
        var window = GetWindow(id);
        if (window.State != WindowState.Closed)
            throw HallException.Conflict("window.notClosed", ("number", window.Number));
        var sent = waiting.Count(t => t.TargetWindowId == id);
        if (sent > 0)
            throw HallException.Conflict("window.hasTransfers", ("sent", sent), ("number", window.Number));
        windows.Remove(id);
        changes.Remove(window);
        changes.Emit(new HallConfigured("window.remove"));
        return window;
    }

    private Service NewService(string id, ServiceDraft draft, int sortOrder) =>
        new(id, Hall.Id, draft.Name, draft.Category, draft.Prefix, draft.NormMinutes, draft.Guide, draft.Bookable) { NameEn = draft.NameEn, SortOrder = sortOrder };

    private void RequireFreeNumber(int number, string? self)
    {
        if (windows.Values.FirstOrDefault(w => w.Number == number && w.Id != self) is { } other)
            throw HallException.Conflict("window.numberTaken", ("number", number), ("other", other.Name));
    }

    private void RequireKnownServices(IReadOnlyCollection<string> serviceIds)
    {
        var unknown = serviceIds.Where(s => !services.ContainsKey(s)).ToList();
        if (unknown.Count > 0) throw HallException.Invalid("serviceIds", "invalid.serviceIds.unknown", ("services", string.Join(", ", unknown.Take(10))));
    }
}
