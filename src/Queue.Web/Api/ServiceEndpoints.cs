using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Silo.Hosting;
using Queue.Silo.Views;
using Queue.Web.Admin;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

/// <summary>办事指南 as entered: lists of materials and steps, the time limit, the fee and the legal basis.</summary>
public sealed record GuideRequest(List<string>? Materials, List<string>? Steps, string? TimeLimit, string? Fee, string? Basis);

/// <summary>A matter (事项); <c>id</c> left out is generated.</summary>
public sealed record ServiceRequest(string? Id, [property: Required] string? Name, string? NameEn, [property: Required] string? Category,
    [property: Required] string? Prefix, [property: Required] double? NormMinutes, [property: Required] bool? Bookable, GuideRequest? Guide,
    string? CategoryEn = null);

/// <summary>The catalog upload: one form field <c>file</c>, an .xlsx or .csv of the columns an export writes.</summary>
public sealed record CatalogUpload([property: Required] IFormFile? File);

/// <summary>The hall's matters: add, change, remove (409 while tickets wait for one), import and export the catalog.</summary>
public static class ServiceEndpoints
{
    public static IEndpointRouteBuilder MapServiceSetup(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/halls/{hallId}/services").WithTags("setup").RequireAuthorization(AuthSetup.ManagerPolicy);

        group.MapPost("/", async Task<Created<ServiceView>> (string hallId, ServiceRequest? body, ClaimsPrincipal user, HallAdministration admin, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            var created = await admin.AddServiceAsync(user, hallId, Draft(body, null));
            return TypedResults.Created($"/api/halls/{hallId}", created);
        });
        group.MapPut("/{serviceId}", async (string hallId, string serviceId, ServiceRequest? body, ClaimsPrincipal user, HallAdministration admin, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            return TypedResults.Ok(await admin.UpdateServiceAsync(user, hallId, Validate.Id(serviceId, "serviceId"), Draft(body, serviceId)));
        });
        group.MapDelete("/{serviceId}", async (string hallId, string serviceId, ClaimsPrincipal user, HallAdministration admin, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            await admin.RemoveServiceAsync(user, hallId, Validate.Id(serviceId, "serviceId"));
            return TypedResults.NoContent();
        });
        // Multipart from API clients with a bearer token; the /admin page imports through its own circuit, so no antiforgery token is involved.
        group.MapPost("/import", async (string hallId, HttpRequest request, ClaimsPrincipal user, HallAdministration admin, HallClient halls) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            // The form is read here rather than bound, so that a missing or broken upload is a 400 naming "file".
            var file = await UploadedFileAsync(request);
            await using var content = file.OpenReadStream();
            var result = await admin.ImportAsync(user, hallId, content, file.FileName);
            // All or nothing: one rejected row and nothing was imported; the 400 names every rejected row (rows[7]) and why.
            if (result.Rejected.Count > 0)
                throw new Queue.Silo.Engine.HallException(Queue.Silo.Engine.RefusalKind.Invalid, "catalog.rejected", "catalog.rejected",
                    result.Rejected.ToDictionary(r => $"rows[{r.Row}]", r => r.Errors.Select(e => new Queue.Silo.Engine.FieldError(e)).ToArray()),
                    ("rows", result.Rejected.Count));
            return TypedResults.Ok(result);
        }).DisableAntiforgery().Accepts<CatalogUpload>("multipart/form-data");
        group.MapGet("/export.{format}", async (string hallId, string format, ClaimsPrincipal user, HallAdministration admin, HallClient halls, HttpContext http) =>
        {
            await KnownHall.RequireAsync(halls, hallId);
            if (!TableExport.IsFormat(format)) throw Queue.Silo.Engine.HallException.NotFound("export format", format);
            var catalog = await admin.CatalogAsync(user, hallId);
            await TableExport.WriteAsync(http, format, $"{hallId}-services", "事项目录", CatalogColumns.Headers, Rows(catalog));
            return Results.Empty;
        });
        return routes;
    }

    private static async Task<IFormFile> UploadedFileAsync(HttpRequest request)
    {
        static Queue.Silo.Engine.HallException Missing() =>
            Queue.Silo.Engine.HallException.Invalid("file", "invalid.file.upload");
        if (!request.HasFormContentType) throw Missing();
        // A catalog of a thousand matters with their guides is larger than the host's 256 KB limit for other bodies.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = CatalogFile.MaxBytes;
        try { return (await request.ReadFormAsync()).Files.GetFile("file") ?? throw Missing(); }
        catch (Exception e) when (e is InvalidDataException or IOException) { throw Missing(); }
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<Queue.Silo.Services.Service> catalog)
    {
        foreach (var s in catalog) yield return CatalogColumns.Row(s);
        await Task.CompletedTask;
    }

    private static Queue.Silo.Services.ServiceDraft Draft(ServiceRequest? body, string? pathId)
    {
        var req = Validate.Body(body);
        var errors = new FieldErrors();
        var g = req.Guide;
        var draft = ServiceFields.Check(errors, pathId ?? req.Id, req.Name, req.NameEn, req.Category, req.Prefix, req.NormMinutes, req.Bookable,
            g?.Materials, g?.Steps, g?.TimeLimit, g?.Fee, g?.Basis, req.CategoryEn);
        errors.ThrowIfAny();
        return draft;
    }
}
