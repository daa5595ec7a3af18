using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Views;
using Queue.Web.Admin;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

/// <summary>A window (窗口): its number on the hall's screens, its name and the matters it serves; <c>id</c> left out is made from the number.</summary>
public sealed record WindowRequest(string? Id, [property: Required] int? Number, [property: Required] string? Name, [property: Required] List<string>? ServiceIds, string? NameEn = null);

/// <summary>Adding, changing and removing windows while the hall is open (a window that is not closed cannot be removed: 409).</summary>
public static class WindowSetupEndpoints
{
    public static IEndpointRouteBuilder MapWindowSetup(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/halls/{hallId}/windows", async Task<Created<WindowView>> (string hallId, WindowRequest? body, ClaimsPrincipal user, HallAdministration admin, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            var (id, number, name, nameEn, services) = Check(body, null);
            var created = await admin.AddWindowAsync(user, hallId, id, number, name, nameEn, services);
            return TypedResults.Created($"/api/halls/{hallId}/windows/{created.Id}", created);
        }).WithTags("setup").RequireAuthorization(AuthSetup.ManagerPolicy);
        routes.MapPut("/api/halls/{hallId}/windows/{windowId}", async (string hallId, string windowId, WindowRequest? body, ClaimsPrincipal user, HallAdministration admin, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            var (_, number, name, nameEn, services) = Check(body, windowId);
            return TypedResults.Ok(await admin.UpdateWindowAsync(user, hallId, windowId, number, name, nameEn, services));
        }).WithTags("setup").RequireAuthorization(AuthSetup.ManagerPolicy);
        routes.MapDelete("/api/halls/{hallId}/windows/{windowId}", async (string hallId, string windowId, ClaimsPrincipal user, HallAdministration admin, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            await admin.RemoveWindowAsync(user, hallId, Validate.Id(windowId, "windowId"));
            return TypedResults.NoContent();
        }).WithTags("setup").RequireAuthorization(AuthSetup.ManagerPolicy);
        return routes;
    }

    private static (string? Id, int Number, string Name, string? NameEn, IReadOnlyList<string> Services) Check(WindowRequest? body, string? pathId)
    {
        var req = Validate.Body(body);
        var errors = new FieldErrors();
        var id = errors.Id(pathId ?? req.Id, "id");
        var number = errors.Range(req.Number, "number", 1, 9999);
        var name = errors.Text(req.Name, "name", 100, required: true) ?? "";
        var nameEn = errors.Text(req.NameEn, "nameEn", 100) is { Length: > 0 } en ? en : null;
        var services = req.ServiceIds ?? [];
        if (services.Count > 2000) errors.Add("serviceIds", "invalid.serviceIds.tooMany", "2000");
        for (var i = 0; i < services.Count && i < 2000; i++) errors.Id(services[i], $"serviceIds[{i}]", required: true);
        errors.ThrowIfAny();
        return (id, number, name, nameEn, services.Distinct().ToList());
    }
}
