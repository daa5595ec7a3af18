using System.ComponentModel.DataAnnotations;
using System.Net;
using QRCoder;
using Queue.Silo.Halls;
using Queue.Silo.Citizen;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Presence;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

public sealed record ArriveRequest([property: Required] string? Token, [property: Required] string? Code);
public sealed record PresenceCodeView(string HallId, string Code, string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// 到厅签到: the wall shows the hall's rotating presence code as a QR image; a phone that scans it lands on
/// <c>/p/{hallId}?c=…</c>, which checks in the tickets the phone holds. <c>Presence:DisplayNetworks</c> (CIDR
/// list) limits who may fetch the code — the hall's own network — so it cannot be read from home.
/// </summary>
public static class PresenceEndpoints
{
    public static IEndpointRouteBuilder MapPresence(this IEndpointRouteBuilder routes)
    {
        // Read once when the routes are mapped: a wrong entry stops the host at start (as in decisions 0074, 0075).
        var config = routes.ServiceProvider.GetRequiredService<IConfiguration>();
        var displays = Networks.Parse(config.GetSection("Presence:DisplayNetworks").Get<string[]>() ?? [], "Presence:DisplayNetworks");
        routes.MapGet("/api/halls/{hallId}/presence-qr.png", async (string hallId, HttpContext http, HallSnapshots halls, PresenceCodes codes) =>
        {
            var view = await CurrentAsync(hallId, http, halls, codes, displays);
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(view.Url, QRCodeGenerator.ECCLevel.M);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(new PngByteQRCode(data).GetGraphic(10), "image/png");
        }).WithTags("presence");

        routes.MapGet("/api/halls/{hallId}/presence-code", async (string hallId, HttpContext http, HallSnapshots halls, PresenceCodes codes) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(await CurrentAsync(hallId, http, halls, codes, displays));
        }).WithTags("presence");

        routes.MapPost("/api/tickets/{ticketId:guid}/arrive", async (Guid ticketId, ArriveRequest? body, CitizenClient citizen) =>
        {
            var req = Validate.Body(body);
            return TypedResults.Ok(await citizen.ArriveAsync(ticketId, req.Token, Validate.Text(req.Code, "code", 80)));
        }).WithTags("tickets");
        return routes;
    }

    public static string LandingUrl(HttpRequest request, string hallId, string code) =>
        $"{request.Scheme}://{request.Host}/p/{Uri.EscapeDataString(hallId)}?c={Uri.EscapeDataString(code)}";

    private static async Task<PresenceCodeView> CurrentAsync(string hallId, HttpContext http, HallSnapshots halls, PresenceCodes codes,
        IReadOnlyList<IPNetwork> displays)
    {
        await halls.EnsureExistsAsync(Validate.Id(hallId, "hallId"));
        if (displays.Count > 0 && !displays.Contain(http.Connection.RemoteIpAddress))
            throw new HallException(RefusalKind.Forbidden, "presence.notHallNetwork", "presence.notHallNetwork");
        var code = await codes.CurrentAsync(hallId);
        return new PresenceCodeView(hallId, code, LandingUrl(http.Request, hallId, code), codes.CurrentExpiresAt);
    }
}
