using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Queue.Web.OpenApi;

/// <summary>
/// Completes each operation from its endpoint's metadata and <see cref="ApiOperations"/>: operationId and
/// summary, every refusal it can answer (problem details), bearer security where an account is required,
/// the <c>Idempotency-Key</c> header on commands, a required body without the <c>null</c> alternative,
/// formats and enums of parameters, file content types, <c>Location</c> on 201 and links (decision 0085).
/// </summary>
public sealed class OperationAnswers : IOpenApiOperationTransformer
{
    public const string ProblemSchema = "ProblemDetails";
    public const string BearerScheme = "bearer";

    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "Invalid input: the problem's `errors` name the fields", [401] = "No or an invalid bearer token",
        [403] = "This account (or this network) may not do this", [404] = "Unknown id, or a wrong ticket or booking token",
        [409] = "Not allowed in the current state; `code` says why", [410] = "The code or invitation has expired",
        [413] = "Body over 256 KiB", [415] = "The body is not application/json",
        [422] = "The Idempotency-Key was used with another body", [429] = "Too many requests; see Retry-After",
        [503] = "The hall is moving to another node after one died, or the storage is briefly busy; retry after Retry-After",
    };

    /// <summary>The media types of the answers that are files, by route.</summary>
    private static readonly Dictionary<string, string[]> Files = new()
    {
        ["/api/halls/{hallId}/presence-qr.png"] = ["image/png"],
        ["/api/ratings/export.{format}"] = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        ["/api/rating-cases/export.{format}"] = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        ["/api/halls/{hallId}/reports/queue/export.{format}"] = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        ["/api/halls/{hallId}/services/export.{format}"] = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    };

    /// <summary>A parameter whose values differ by route: the queue report's groupings are not the score table's.</summary>
    private static readonly Dictionary<(string Route, string Name), string[]> RouteEnums = new()
    {
        [("/api/halls/{hallId}/reports/queue", "by")] = ["day", "hour", "service", "category", "window", "staff", "channel"],
        [("/api/halls/{hallId}/reports/queue/export.{format}", "by")] = ["day", "hour", "service", "category", "window", "staff", "channel"],
    };

    private static readonly Dictionary<string, string[]> Enums = new()
    {
        ["format"] = ["csv", "xlsx"],
        ["action"] = ["verify", "rectify", "reply", "close", "appeal", "uphold", "exclude"],
        ["level"] = ["verySatisfied", "satisfied", "basicallySatisfied", "dissatisfied", "veryDissatisfied"],
        ["by"] = ["window", "staff", "service", "category", "hall"],
        ["period"] = ["day", "week", "month"],
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var d = context.Description;
        var method = d.HttpMethod ?? "GET";
        // The document's path: route constraints ({ticketId:guid}) and a group's trailing slash dropped.
        var route = "/" + Regex.Replace(d.RelativePath ?? "", @"\{(\w+):[^}]+\}", "{$1}").Trim('/');
        var metadata = d.ActionDescriptor.EndpointMetadata;
        var named = ApiOperations.Find(method, route);
        if (named is not null) { operation.OperationId = named.Id; operation.Summary = named.Summary; }

        var hasBody = operation.RequestBody is not null;
        if (operation.RequestBody is OpenApiRequestBody body) RequireBody(body);
        foreach (var p in operation.Parameters ?? []) Describe(p, route);

        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var statuses = new SortedSet<int>(named?.Extra ?? []);
        if (hasBody || operation.Parameters is { Count: > 0 }) statuses.Add(400);
        if (secured) { statuses.Add(401); statuses.Add(403); }
        if (route.Contains('{') || operation.Parameters?.Any(p => p.Name == "hallId") == true) statuses.Add(404);
        if (method is not "GET") statuses.Add(409);
        if (method is "POST" or "PUT") statuses.Add(413);
        if (hasBody) statuses.Add(415);
        if (metadata.OfType<EnableRateLimitingAttribute>().Any()) statuses.Add(429);
        // Any call may reach a hall whose silo just died, before the cluster has moved it (decision 0084).
        statuses.Add(503);
        // design.md §4: a POST that creates or changes something accepts an Idempotency-Key; another body with the same key is 422.
        if (method == "POST" && named?.Id != "login")
        {
            // 400 for a malformed key, 409 while the first request with the key still runs (IdempotencyMiddleware).
            statuses.Add(400);
            statuses.Add(409);
            statuses.Add(422);
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false,
                Description = "重试键 / A retry of the same key and body within 24 h gets the first answer again and changes nothing.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
            operation.Responses.TryAdd(status.ToString(), Problem(status, context.Document!));
        if (secured)
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        if (Files.TryGetValue(route, out var media) && operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse file)
            file.Content = media.ToDictionary(m => m, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
        if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse c)
        {
            c.Headers ??= new Dictionary<string, IOpenApiHeader>();
            c.Headers["Location"] = new OpenApiHeader { Description = "The created resource", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
        foreach (var link in named?.Links ?? [])
            if (operation.Responses.TryGetValue(link.Status.ToString(), out var r) && r is OpenApiResponse answer)
            {
                answer.Links ??= new Dictionary<string, IOpenApiLink>();
                answer.Links[link.Name] = Link(link);
            }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(int status, OpenApiDocument document) => new()
    {
        Description = Titles.GetValueOrDefault(status, "Refused"),
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };

    /// <summary>Handlers take <c>T?</c> to answer a missing body with a named 400, so the generated schema offers null: a body is required.</summary>
    private static void RequireBody(OpenApiRequestBody body)
    {
        body.Required = true;
        foreach (var media in body.Content?.Values ?? [])
            if (media.Schema is OpenApiSchema { OneOf: { Count: 2 } one } && one.FirstOrDefault(s => s is not OpenApiSchema { Type: JsonSchemaType.Null }) is { } real)
                media.Schema = real;
    }

    private static void Describe(IOpenApiParameter parameter, string route)
    {
        if (parameter is not OpenApiParameter p || p.Schema is not OpenApiSchema s) return;
        if ((RouteEnums.TryGetValue((route, p.Name ?? ""), out var values) || Enums.TryGetValue(p.Name ?? "", out values)) &&
            s.Type?.HasFlag(JsonSchemaType.String) == true)
            s.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        // Dates the handlers parse as yyyy-MM-dd; month is yyyy-MM.
        if (p.Name is "date" or "from" or "to" && s.Type?.HasFlag(JsonSchemaType.String) == true) s.Format = "date";
        if (p.Name == "month") s.Pattern = @"^\d{4}-\d{2}$";
        if (p.Name == "token") p.Description = "号票或预约的凭证 / The ticket's or booking's secret token";
    }

    private static OpenApiLink Link(ApiLink link)
    {
        var result = new OpenApiLink
        {
            OperationId = link.OperationId,
            Parameters = link.Parameters.ToDictionary(kv => kv.Key, kv => new RuntimeExpressionAnyWrapper { Expression = RuntimeExpression.Build(kv.Value) }),
        };
        if (link.Body is not null)
        {
            var body = new JsonObject();
            foreach (var (k, v) in link.Body) body[k] = v;
            result.RequestBody = new RuntimeExpressionAnyWrapper { Any = body };
        }
        return result;
    }
}
