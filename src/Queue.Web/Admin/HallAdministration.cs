using Queue.Display.Shared;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Accounts;
using Queue.Silo.Audit;
using Queue.Silo.Calendar;
using Queue.Silo.Engine;
using Queue.Silo.Halls;
using Queue.Silo.Hosting;
using Queue.Silo.Services;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Web.Admin;

/// <summary>
/// Setting up a hall (design.md §4): halls, matters, windows and the catalog import, for the API and the /admin
/// pages alike. Checks the caller's rights on the hall tree, sends the change to the hall's grain (so it is live at
/// once on every screen); the audit entry, the thing before and after, is committed with the change.
/// </summary>
public sealed class HallAdministration(HallClient halls, HallSnapshots snapshots, HallRights rights, AuditLog audit,
    IDbContextFactory<QueueDb> dbs, Queue.Web.Auth.HallScope scope)
{
    public async Task<HallDetail> CreateHallAsync(ClaimsPrincipal user, string id, HallProfile profile, CancellationToken ct = default)
    {
        if (!user.IsInRole(Role.Admin)) throw HallRights.Forbidden();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (id == CalendarDay.AllHalls || await db.Halls.AnyAsync(h => h.Id == id, ct))
                throw HallException.Conflict("hall.exists", ("id", id));
            await RequireParentAsync(db, id, profile, ct);
            var hall = new Hall(id, profile.Name, profile.Level, profile.ParentId, profile.RegionCode) { Address = profile.Address, Settings = profile.Settings };
            db.Halls.Add(hall);
            db.Add(audit.Entry(AuditActor.Of(user), id, "hall.create", $"hall:{id}", null, HallProfile.Of(hall)));
            await db.SaveChangesAsync(ct);
        }
        await snapshots.ReloadIdsAsync();
        scope.Forget();
        return (await halls.SnapshotAsync(id)).Detail;
    }

    /// <summary>A manager of the hall may change its name, address and settings; its level and parent are an admin's.</summary>
    public async Task<HallDetail> UpdateHallAsync(ClaimsPrincipal user, string hallId, HallProfile profile, CancellationToken ct = default)
    {
        var before = (await halls.SnapshotAsync(hallId)).Detail;
        await rights.RequireAsync(user, hallId, ct);
        if (!user.IsInRole(Role.Admin) && (profile.Level != before.Level || profile.ParentId != before.ParentId))
            throw new HallException(RefusalKind.Forbidden, "hall.adminOnly", "hall.adminOnly");
        await using (var db = await dbs.CreateDbContextAsync(ct)) await RequireParentAsync(db, hallId, profile, ct);
        var after = await halls.ConfigureHallAsync(hallId, profile, AuditActor.Of(user));
        scope.Forget();
        return after;
    }

    public async Task<ServiceView> AddServiceAsync(ClaimsPrincipal user, string hallId, ServiceDraft draft, CancellationToken ct = default)
    {
        await RequireAsync(user, hallId, ct);
        var id = draft.Id ?? NewId("m");
        await RequireFreeIdAsync(hallId, [id], ct);
        var detail = await halls.AddServiceAsync(hallId, id, draft with { Id = id }, AuditActor.Of(user));
        return detail.Services.First(s => s.Id == id);
    }

    public async Task<ServiceView> UpdateServiceAsync(ClaimsPrincipal user, string hallId, string serviceId, ServiceDraft draft, CancellationToken ct = default)
    {
        await RequireAsync(user, hallId, ct);
        var detail = await halls.UpdateServiceAsync(hallId, serviceId, draft with { Id = serviceId }, AuditActor.Of(user));
        return detail.Services.First(s => s.Id == serviceId);
    }

    public async Task RemoveServiceAsync(ClaimsPrincipal user, string hallId, string serviceId, CancellationToken ct = default)
    {
        await RequireAsync(user, hallId, ct);
        await RequireNoBookingsAsync(hallId, serviceId, ct);
        await halls.RemoveServiceAsync(hallId, serviceId, AuditActor.Of(user));
    }

    /// <summary>
    /// Imports a catalog file all or nothing: every row is checked and every rejected row reported with its reasons;
    /// only a file without rejections reaches the hall, in one commit. Rows without an id create new matters.
    /// </summary>
    public async Task<CatalogImport> ImportAsync(ClaimsPrincipal user, string hallId, Stream content, string fileName, CancellationToken ct = default)
    {
        await RequireAsync(user, hallId, ct);
        var rows = CatalogFile.Read(content, fileName);
        if (rows.Count == 0) throw HallException.Invalid("file", "invalid.file.empty");
        var headerErrors = new FieldErrors();
        var map = CatalogColumns.Map(rows[0], headerErrors);
        if (headerErrors.Any) return new CatalogImport(0, 0, [new CatalogRejection(1, headerErrors.Lines)]);
        var drafts = new List<(int Row, ServiceDraft Draft)>();
        var rejected = new List<CatalogRejection>();
        var seen = new Dictionary<string, int>();
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].All(string.IsNullOrWhiteSpace)) continue;
            var errors = new FieldErrors();
            var draft = CatalogColumns.Parse(rows[i], map, errors);
            if (draft.Id is { } id && !seen.TryAdd(id, i + 1)) errors.Add("id", "invalid.id.sameAsRow", seen[id].ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (errors.Any) rejected.Add(new CatalogRejection(i + 1, errors.Lines));
            else drafts.Add((i + 1, draft with { Id = draft.Id ?? NewId("m") }));
        }
        if (drafts.Count == 0 && rejected.Count == 0) throw HallException.Invalid("file", "invalid.file.noMatters");
        var taken = await TakenElsewhereAsync(hallId, drafts.Select(d => d.Draft.Id!).ToList(), ct);
        foreach (var (row, draft) in drafts.Where(d => taken.Contains(d.Draft.Id!)))
            rejected.Add(new CatalogRejection(row, [$"id: {RefusalWording.Shared.Word("invalid.id.otherHall", draft.Id!)}"]));
        if (rejected.Count > 0) return new CatalogImport(0, 0, [.. rejected.OrderBy(r => r.Row)]);
        var result = await halls.ImportServicesAsync(hallId, [.. drafts.Select(d => d.Draft)], AuditActor.Of(user), fileName);
        return new CatalogImport(result.Created, result.Updated, []);
    }

    /// <summary>The hall's matters as stored, in the order the kiosk shows them: what an export writes.</summary>
    public async Task<IReadOnlyList<Service>> CatalogAsync(ClaimsPrincipal user, string hallId, CancellationToken ct = default)
    {
        await RequireAsync(user, hallId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await db.Services.AsNoTracking().Where(s => s.HallId == hallId).ToListAsync(ct);
        return [.. list.OrderBy(s => s.SortOrder).ThenBy(s => s.Prefix).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public async Task<WindowView> AddWindowAsync(ClaimsPrincipal user, string hallId, string? id, int number, string name, string? nameEn, IReadOnlyList<string> serviceIds, CancellationToken ct = default)
    {
        await RequireAsync(user, hallId, ct);
        var windowId = id ?? $"{hallId}-w{number:D2}";
        await using (var db = await dbs.CreateDbContextAsync(ct))
            if (await db.Windows.AnyAsync(w => w.Id == windowId && w.HallId != hallId, ct))
                throw HallException.Conflict("window.idTaken", ("id", windowId));
        var detail = await halls.AddWindowAsync(hallId, windowId, number, name, nameEn, serviceIds, AuditActor.Of(user));
        return detail.Windows.First(w => w.Id == windowId);
    }

    public async Task<WindowView> UpdateWindowAsync(ClaimsPrincipal user, string hallId, string windowId, int number, string name, string? nameEn, IReadOnlyList<string> serviceIds, CancellationToken ct = default)
    {
        await RequireAsync(user, hallId, ct);
        var detail = await halls.UpdateWindowAsync(hallId, windowId, number, name, nameEn, serviceIds, AuditActor.Of(user));
        return detail.Windows.First(w => w.Id == windowId);
    }

    public async Task RemoveWindowAsync(ClaimsPrincipal user, string hallId, string windowId, CancellationToken ct = default)
    {
        await RequireAsync(user, hallId, ct);
        await halls.RemoveWindowAsync(hallId, windowId, AuditActor.Of(user));
    }

    /// <summary>Unknown hall first (404, hall ids are public), then the caller's rights (403).</summary>
    private async Task RequireAsync(ClaimsPrincipal user, string hallId, CancellationToken ct)
    {
        await halls.SnapshotAsync(hallId);
        await rights.RequireAsync(user, hallId, ct);
    }

    private static async Task RequireParentAsync(QueueDb db, string hallId, HallProfile profile, CancellationToken ct)
    {
        if (profile.ParentId is null)
        {
            if (profile.Level != HallLevel.City) throw HallException.Invalid("parentId", "invalid.parentId.required");
            return;
        }
        if (profile.ParentId == hallId) throw HallException.Invalid("parentId", "invalid.parentId.self");
        var parent = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == profile.ParentId, ct)
            ?? throw HallException.Invalid("parentId", "invalid.parentId.unknown", ("parentId", profile.ParentId));
        if (parent.Level >= profile.Level)
            throw HallException.Invalid("parentId", "invalid.parentId.level");
    }

    private async Task RequireFreeIdAsync(string hallId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if ((await TakenElsewhereAsync(hallId, ids, ct)).FirstOrDefault() is { } taken)
            throw HallException.Conflict("service.idTaken", ("id", taken));
    }

    /// <summary>Matter ids are unique across halls (one table); these of <paramref name="ids"/> belong to another hall.</summary>
    private async Task<HashSet<string>> TakenElsewhereAsync(string hallId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var taken = new HashSet<string>();
        foreach (var chunk in ids.Chunk(500))
            taken.UnionWith(await db.Services.AsNoTracking().Where(s => chunk.Contains(s.Id) && s.HallId != hallId).Select(s => s.Id).ToListAsync(ct));
        return taken;
    }

    /// <summary>A citizen's booking of the matter still to come would be lost with it: 409 until it is served or cancelled.</summary>
    private async Task RequireNoBookingsAsync(string hallId, string serviceId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var open = await db.Set<Queue.Silo.Booking.HallBooking>().AsNoTracking()
            .CountAsync(b => b.HallId == hallId && b.ServiceId == serviceId && b.Status == Queue.Silo.Booking.BookingStatus.Booked, ct);
        if (open > 0)
            throw HallException.Conflict("service.hasBookings", ("open", open));
    }

    private static string NewId(string kind) => kind + Guid.NewGuid().ToString("N")[..15];
}
