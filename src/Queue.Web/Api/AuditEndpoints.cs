using System.Globalization;
using Queue.Silo.Audit;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Web.Auth;
using Queue.Web.Infrastructure;

namespace Queue.Web.Api;

/// <summary>The audit log (admin): who changed what and when, before → after; newest first, at most 1,000 entries.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", async (string? hallId, string? from, string? to, AuditLog audit, HallClient halls) =>
        {
            if (hallId is not null) await KnownHall.RequireAsync(halls, hallId);
            var start = from is null ? (DateTimeOffset?)null : Parse(from, "from");
            var end = to is null ? (DateTimeOffset?)null : Parse(to, "to");
            if (start > end) throw HallException.Invalid("to", "invalid.to.beforeFrom");
            return TypedResults.Ok(await audit.ReadAsync(hallId, start, end));
        }).WithTags("setup").RequireAuthorization(AuthSetup.AdminPolicy);
        return routes;
    }

    /// <summary>A date (2026-05-01, midnight UTC) or an instant (RFC 3339).</summary>
    private static DateTimeOffset Parse(string value, string field)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return new DateTimeOffset(d, TimeOnly.MinValue, TimeSpan.Zero);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        throw HallException.Invalid(field, "invalid.instant.format", ("field", field));
    }
}
