using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Accounts;
using Queue.Silo.Engine;
using Queue.Silo.Floor;
using Queue.Silo.Hosting;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

/// <summary>办结: <c>promisedDate</c> for a 承诺件, <c>missingMaterials</c> (from the service's guide) for a 补办, <c>note</c> = the reason of a 退回.</summary>
public sealed record CompleteRequest([property: Required] TicketOutcome? Outcome, string? Note, DateOnly? PromisedDate = null, List<string>? MissingMaterials = null);
public sealed record TransferRequest([property: Required] string? ServiceId, string? WindowId);
public sealed record WindowServicesRequest([property: Required] List<string>? ServiceIds);

/// <summary>What staff do at a window, and what a manager changes about one.</summary>
public static class WindowEndpoints
{
    public static IEndpointRouteBuilder MapWindows(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/halls/{hallId}/windows/{windowId}").WithTags("windows").RequireAuthorization(AuthSetup.StaffPolicy);

        group.MapGet("/", async (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
        {
            RequireWindow(user, hallId, windowId);
            return TypedResults.Ok(WindowDesk.Of(await c.SnapshotAsync(hallId), windowId));
        });
        // Today's handled and no-show tickets at this window, newest first: the terminal's record of its day. Read only:
        // the engine undoes neither (a recall is only of the ticket being called).
        group.MapGet("/today", async (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
        {
            RequireWindow(user, hallId, windowId);
            return TypedResults.Ok((await c.SnapshotAsync(hallId)).Tickets.Values
                .Where(t => t.WindowId == windowId && t.Status is TicketStatus.Done or TicketStatus.NoShow)
                .OrderByDescending(t => t.FinishedAt ?? t.CalledAt).Take(50).ToList());
        });
        // The window grain's day: the staff who worked it (轮岗 shows as several shifts), its figures, its live score.
        group.MapGet("/workday", async (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
        {
            RequireWindow(user, hallId, windowId);
            return TypedResults.Ok(await c.WorkdayAsync(hallId, windowId));
        });
        group.MapPost("/open", (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
            Window(user, hallId, windowId, () => c.OpenWindowAsync(hallId, windowId, AtCounter(user))));
        group.MapPost("/close", (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
            Window(user, hallId, windowId, () => c.CloseWindowAsync(hallId, windowId)));
        group.MapPost("/pause", (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
            Window(user, hallId, windowId, () => c.PauseWindowAsync(hallId, windowId)));
        group.MapPost("/resume", (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
            Window(user, hallId, windowId, () => c.ResumeWindowAsync(hallId, windowId)));

        group.MapPost("/call-next", async Task<Results<Ok<TicketView>, NoContent>> (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
        {
            RequireWindow(user, hallId, windowId);
            return await c.CallNextAsync(hallId, windowId, AtCounter(user)) is { } called ? TypedResults.Ok(called) : TypedResults.NoContent();
        });
        group.MapPost("/recall", (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
            Ticket(user, hallId, windowId, () => c.RecallAsync(hallId, windowId)));
        group.MapPost("/start", (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
            Ticket(user, hallId, windowId, () => c.StartAsync(hallId, windowId)));
        group.MapPost("/no-show", (string hallId, string windowId, ClaimsPrincipal user, HallClient c) =>
            Ticket(user, hallId, windowId, () => c.NoShowAsync(hallId, windowId)));
        group.MapPost("/complete", (string hallId, string windowId, CompleteRequest? body, ClaimsPrincipal user, FloorClient floor) =>
        {
            var req = Validate.Body(body);
            var outcome = Validate.Required(req.Outcome, "outcome");
            var note = Validate.Text(req.Note, "note", 500);
            if (req.MissingMaterials is { Count: > TicketCompletion.MaxMaterials }) throw HallException.Invalid("missingMaterials", "invalid.missingMaterials.tooMany");
            var materials = req.MissingMaterials?.Select(m => Validate.Text(m, "missingMaterials", 200) ?? "").ToList();
            return Ticket(user, hallId, windowId, () => floor.CompleteAsync(hallId, windowId, new TicketCompletion(outcome, note, req.PromisedDate, materials)));
        });
        group.MapPost("/transfer", (string hallId, string windowId, TransferRequest? body, ClaimsPrincipal user, HallClient c) =>
        {
            var req = Validate.Body(body);
            var serviceId = Validate.Id(req.ServiceId, "serviceId");
            var target = req.WindowId is null ? null : Validate.Id(req.WindowId, "windowId");
            return Ticket(user, hallId, windowId, () => c.TransferAsync(hallId, windowId, serviceId, target));
        });

        routes.MapPut("/api/halls/{hallId}/windows/{windowId}/services", async (string hallId, string windowId, WindowServicesRequest? body, ClaimsPrincipal user, HallClient c) =>
        {
            var req = Validate.Body(body);
            var ids = req.ServiceIds ?? throw HallException.Invalid("serviceIds", "invalid.required", ("field", "serviceIds"));
            if (ids.Count > 200) throw HallException.Invalid("serviceIds", "invalid.serviceIds.tooMany", ("most", 200));
            foreach (var id in ids) Validate.Id(id, "serviceIds");
            if (!user.ManagesHall(hallId)) throw Forbidden();
            return await Window(user, hallId, windowId, () => c.SetWindowServicesAsync(hallId, windowId, ids, Admin.AuditActor.Of(user)));
        }).WithTags("windows").RequireAuthorization(AuthSetup.ManagerPolicy);
        return routes;
    }

    private static async Task<Ok<WindowView>> Window(ClaimsPrincipal user, string hallId, string windowId, Func<Task<WindowView>> command)
    {
        RequireWindow(user, hallId, windowId);
        return TypedResults.Ok(await command());
    }

    private static async Task<Ok<TicketView>> Ticket(ClaimsPrincipal user, string hallId, string windowId, Func<Task<TicketView>> command)
    {
        RequireWindow(user, hallId, windowId);
        return TypedResults.Ok(await command());
    }

    /// <summary>
    /// The staff member acting at the window's own terminal, who therefore works it; null for a manager or admin,
    /// who act on windows from the console and must never be credited with a window's services (decision 0079).
    /// </summary>
    private static string? AtCounter(ClaimsPrincipal user) => user.IsInRole(Role.Staff) ? user.AccountId() : null;

    private static void RequireWindow(ClaimsPrincipal user, string hallId, string windowId)
    {
        if (!user.WorksWindow(hallId, windowId)) throw Forbidden();
    }

    private static HallException Forbidden() =>
        new(RefusalKind.Forbidden, "window.forbidden", "window.forbidden");
}
