using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Queue.Silo.Advice;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Supervision;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

public sealed record AcknowledgeRequest([property: Required] string? Key);

/// <summary>The live hall with its active alerts, as the console polls it.</summary>
public sealed record HallConsole(HallOverview Overview, IReadOnlyList<HallAlert> Alerts);

/// <summary>The alerts now live and the log of acknowledged ones (电子监察).</summary>
public sealed record HallAlerts(IReadOnlyList<HallAlert> Active, IReadOnlyList<AlertAcknowledgement> Log);

/// <summary>The manager console's API (manager role, own hall): overview, alerts and their log, rebalancing advice.</summary>
public static class ManageEndpoints
{
    public static IEndpointRouteBuilder MapManage(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/halls/{hallId}").WithTags("manage").RequireAuthorization(AuthSetup.ManagerPolicy);

        group.MapGet("/overview", async (string hallId, ClaimsPrincipal user, HallClient halls, AlertLog alerts, TimeProvider time) =>
        {
            var snapshot = await halls.SnapshotAsync(Validate.Id(hallId, "hallId"));
            RequireManager(user, hallId);
            return TypedResults.Ok(new HallConsole(HallOverview.Of(snapshot, time.GetUtcNow()), await alerts.ActiveAsync(hallId)));
        });
        group.MapGet("/alerts", async (string hallId, ClaimsPrincipal user, AlertLog alerts, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            RequireManager(user, hallId);
            return TypedResults.Ok(new HallAlerts(await alerts.ActiveAsync(hallId), await alerts.LogAsync(hallId)));
        });
        group.MapPost("/alerts/acknowledge", async (string hallId, AcknowledgeRequest? body, ClaimsPrincipal user, AlertLog alerts, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            var key = Validate.Text(Validate.Body(body).Key, "key", 128) ?? throw HallException.Invalid("key", "invalid.required", ("field", "key"));
            RequireManager(user, hallId);
            return TypedResults.Ok(await alerts.AcknowledgeAsync(hallId, key, user.Identity?.Name));
        });
        group.MapGet("/advice", async (string hallId, ClaimsPrincipal user, AdviceCache advice, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            RequireManager(user, hallId);
            return TypedResults.Ok(await advice.GetAsync(hallId));
        });
        return routes;
    }

    private static void RequireManager(ClaimsPrincipal user, string hallId)
    {
        if (!user.ManagesHall(hallId)) throw new HallException(RefusalKind.Forbidden, "hall.forbidden", "hall.forbidden");
    }
}
