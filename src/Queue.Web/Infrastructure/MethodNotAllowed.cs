using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Queue.Web.Infrastructure;

/// <summary>
/// A GET on a POST-only API route answers 405 with <c>Allow</c>, not 404. Routing alone gets this wrong for
/// GET: the static-asset fallback <c>{**path:file}</c> is a GET candidate for every path, so the method policy
/// never refuses and the request ends unmatched. When nothing matched an <c>/api</c> path, this looks for the
/// API routes the path fits and names their methods (decision 0085).
/// </summary>
public static class MethodNotAllowed
{
    public static IApplicationBuilder UseMethodNotAllowed(this IApplicationBuilder app)
    {
        List<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>? routes = null;
        return app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is not null || !http.Request.Path.StartsWithSegments("/api")) { await next(http); return; }
            routes ??= Routes(http.RequestServices.GetRequiredService<EndpointDataSource>());
            var allowed = routes.Where(r => r.Matcher.TryMatch(http.Request.Path, new RouteValueDictionary()))
                .SelectMany(r => r.Methods).Distinct().Order(StringComparer.Ordinal).ToList();
            if (allowed.Count == 0 || allowed.Contains(http.Request.Method)) { await next(http); return; }
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = string.Join(", ", allowed);
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = 405, Title = "Method not allowed", Detail = $"{http.Request.Method} is not allowed here; use {string.Join(", ", allowed)}.",
                    Extensions = { ["code"] = "request.methodNotAllowed" },
                },
            });
        });
    }

    private static List<(TemplateMatcher, IReadOnlyList<string>)> Routes(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(e => (Matcher(e.RoutePattern), e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(r => r.Item2.Count > 0)
            .ToList();

    private static TemplateMatcher Matcher(RoutePattern pattern) =>
        new(TemplateParser.Parse(pattern.RawText!.TrimStart('/')), new RouteValueDictionary());
}
