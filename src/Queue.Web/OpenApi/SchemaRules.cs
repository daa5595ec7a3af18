using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Queue.Web.OpenApi;

/// <summary>
/// Makes each schema say what the server sends and accepts: numbers are numbers (the reader's leniency
/// towards "5" is not a contract), enums are strings without a null member, times carry the pattern of what
/// is sent ("09:00:00" is not an RFC 3339 <c>time</c>), and a request record's <c>required</c> is exactly its
/// <c>[Required]</c> properties — the ones <see cref="Infrastructure.BodyShape"/> refuses when null.
/// </summary>
public sealed class SchemaRules : IOpenApiSchemaTransformer
{
    /// <summary>Schema names of the request records; <see cref="DocumentRules"/> drops <c>null</c> from their required properties.</summary>
    public ConcurrentDictionary<string, bool> RequestSchemas { get; } = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } t && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number)) && t.HasFlag(JsonSchemaType.String))
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (schema.Enum is { Count: > 0 } values && values.Where(v => v is not null).All(v => v!.GetValueKind() == JsonValueKind.String))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = values.Where(v => v is not null).ToList();
        }
        if (schema.Format == "time")
        {
            schema.Format = null;
            schema.Pattern = @"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$";
            schema.Description ??= "HH:mm:ss";
        }
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is null && schema.Properties is { Count: > 0 } && IsRequest(type))
        {
            RequestSchemas[type.Name] = true;
            schema.Required = new HashSet<string>(type.GetProperties()
                .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)));
        }
        return Task.CompletedTask;
    }

    private static bool IsRequest(Type type) =>
        type.Namespace?.StartsWith("Queue.", StringComparison.Ordinal) == true
        && (type.Name.EndsWith("Request", StringComparison.Ordinal) || type.GetProperties().Any(p => p.GetCustomAttribute<RequiredAttribute>() is not null));
}
