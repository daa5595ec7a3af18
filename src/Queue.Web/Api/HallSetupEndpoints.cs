using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Halls;
using Queue.Silo.Views;
using Queue.Web.Admin;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

/// <summary>A new hall; <c>settings</c> left out takes the defaults most halls use.</summary>
public sealed record HallRequest([property: Required] string? Id, [property: Required] string? Name, [property: Required] HallLevel? Level, string? ParentId,
    [property: Required] string? RegionCode, string? Address, HallSettings? Settings);

/// <summary>A hall's new profile; level and parent are an admin's to change.</summary>
public sealed record HallUpdateRequest([property: Required] string? Name, [property: Required] HallLevel? Level, string? ParentId,
    [property: Required] string? RegionCode, string? Address, HallSettings? Settings);

/// <summary>Creating halls (admin) and changing one (admin, or a manager of the hall).</summary>
public static class HallSetupEndpoints
{
    public static IEndpointRouteBuilder MapHallSetup(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/halls", async Task<Created<HallDetail>> (HallRequest? body, ClaimsPrincipal user, HallAdministration admin) =>
        {
            var req = Validate.Body(body);
            var errors = new FieldErrors();
            var id = errors.Id(req.Id, "id", required: true);
            var profile = HallFields.Check(errors, req.Name, req.Level, req.ParentId, req.RegionCode, req.Address, req.Settings);
            errors.ThrowIfAny();
            var hall = await admin.CreateHallAsync(user, id!, profile);
            return TypedResults.Created($"/api/halls/{hall.Id}", hall);
        }).WithTags("setup").RequireAuthorization(AuthSetup.AdminPolicy);

        routes.MapPut("/api/halls/{hallId}", async (string hallId, HallUpdateRequest? body, ClaimsPrincipal user, HallAdministration admin, Queue.Silo.Hosting.HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            var req = Validate.Body(body);
            var errors = new FieldErrors();
            var profile = HallFields.Check(errors, req.Name, req.Level, req.ParentId, req.RegionCode, req.Address, req.Settings);
            errors.ThrowIfAny();
            return TypedResults.Ok(await admin.UpdateHallAsync(user, hallId, profile));
        }).WithTags("setup").RequireAuthorization(AuthSetup.ManagerPolicy);
        return routes;
    }
}
