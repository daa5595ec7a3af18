using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Queue.LoadTests;

/// <summary>
/// The answers /openapi/v1.json promises, checked against what came back: the status is declared for the
/// operation, the content type is one it declares, and a JSON body matches the declared schema (draft
/// 2020-12, the document's component schemas as <c>$defs</c>). Anything else is a failure, so the document
/// cannot drift from the server unnoticed.
/// </summary>
public sealed class ApiContract
{
    private readonly JsonObject paths;
    private readonly JsonObject definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();
    private int built;

    public ApiContract(JsonNode document)
    {
        paths = document["paths"]!.AsObject();
        // Component references become $defs references, so every schema is a standalone draft 2020-12 schema.
        var components = JsonNode.Parse(document["components"]?["schemas"]?.ToJsonString().Replace("#/components/schemas/", "#/$defs/") ?? "{}")!;
        definitions = components.AsObject();
    }

    /// <summary>Null when the answer is what the document says, else why not (without the request, so failures group).</summary>
    public string? Check(string method, string template, string path, HttpResponseMessage res, string body)
    {
        var status = (int)res.StatusCode;
        var contentType = res.Content.Headers.ContentType?.ToString();
        // Kestrel refuses a path with an encoded NUL before the application runs, with a bare 400 (docs/decisions/0085).
        if (status == 400 && body.Length == 0 && path.Contains("%00", StringComparison.Ordinal)) return null;
        // A hostile id can turn the path into another route's ("/api/halls//bookings"); 405 with Allow is then the
        // answer for the path, not for this operation, and must still be problem details.
        if (status == 405)
            return res.Content.Headers.Allow.Count == 0 ? $"405 without Allow for {method} {template}"
                : Body(method, template, status, contentType, body, new JsonObject { ["$ref"] = "#/components/schemas/ProblemDetails" });
        var operation = paths[template]?[method.ToLowerInvariant()];
        if (operation is null) return $"{method} {template} is not in the document";
        var response = operation["responses"]?[status.ToString()] ?? operation["responses"]?["default"];
        if (response is null) return $"{status} is not declared for {method} {template}";
        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
            return body.Length == 0 ? null : $"{status} of {method} {template} declares no body, got {contentType}";
        var media = contentType?.Split(';')[0].Trim();
        if (media is null || !content.ContainsKey(media))
            return $"{status} of {method} {template}: content type {media ?? "(none)"} not among {string.Join(", ", content.Select(c => c.Key))}";
        if (!media.EndsWith("json", StringComparison.Ordinal)) return null;
        return Body(method, template, status, media, body, content[media]?["schema"]);
    }

    private string? Body(string method, string template, int status, string? media, string body, JsonNode? schemaNode)
    {
        if (schemaNode is null) return null;
        if (media is null || !media.Split(';')[0].EndsWith("json", StringComparison.Ordinal)) return $"{status} of {method} {template}: {media ?? "no content type"} is not JSON";
        JsonElement instance;
        try { instance = JsonDocument.Parse(body).RootElement; }
        catch (JsonException e) { return $"{status} of {method} {template}: body is not JSON ({e.Message})"; }
        var result = SchemaFor(schemaNode).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return null;
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Distinct().Take(3);
        return $"{status} of {method} {template}: body does not match its schema: {string.Join(" | ", errors)}";
    }

    private JsonSchema SchemaFor(JsonNode schema)
    {
        var key = schema.ToJsonString();
        return schemas.GetOrAdd(key, k =>
        {
            var root = JsonNode.Parse(k.Replace("#/components/schemas/", "#/$defs/"))!.AsObject();
            root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            root["$defs"] = definitions.DeepClone();
            var id = new Uri($"https://queuehall.invalid/contract/{Interlocked.Increment(ref built)}");
            return JsonSchema.Build(JsonDocument.Parse(root.ToJsonString()).RootElement, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
        });
    }
}
