using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Queue.Web.OpenApi;

/// <summary>
/// The document-wide parts: title and contract note, the bearer scheme, the problem-details schema with
/// <c>code</c> and <c>errors</c>, required request fields without <c>null</c>, and an example per request body.
/// </summary>
public sealed class DocumentRules(SchemaRules schemas) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "QueueHall 政务大厅排队叫号与好差评";
        document.Info.Description = "本文档即接口契约 / This document is the API contract: every status an operation can answer is listed; "
            + "every refusal is RFC 9457 problem details with a stable `code` and, for bad input, `errors` per field.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OperationAnswers.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "POST /api/auth/login → accessToken; send Authorization: Bearer <accessToken>",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[OperationAnswers.ProblemSchema] = Problem();
        foreach (var (name, s) in document.Components.Schemas)
            if (schemas.RequestSchemas.ContainsKey(name) && s is OpenApiSchema request) DropNullFromRequired(request);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true
                && media is OpenApiMediaType json && json.Schema is OpenApiSchemaReference { Reference.Id: { } id } && RequestExamples.For(id) is { } example)
                json.Example = example;
        return Task.CompletedTask;
    }

    private static void DropNullFromRequired(OpenApiSchema schema)
    {
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            if (schema.Properties?.TryGetValue(name, out var p) != true) continue;
            if (p is OpenApiSchema { OneOf: { Count: 2 } one } && one.FirstOrDefault(s => s is not OpenApiSchema { Type: JsonSchemaType.Null }) is { } real)
                schema.Properties[name] = real;
            else if (p is OpenApiSchema { Type: { } t } plain && t.HasFlag(JsonSchemaType.Null))
                plain.Type = t & ~JsonSchemaType.Null;
        }
    }

    private static OpenApiSchema Problem()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details",
            Required = new HashSet<string> { "status", "title" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI naming the kind of problem"),
                ["title"] = Text("Short summary"),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = Text("What went wrong, worded in the request's language (zh-CN unless ?culture=, the culture cookie or, under /api, Accept-Language asks for another)"),
                ["instance"] = Text("The request"),
                ["code"] = Text("A stable machine-readable reason, e.g. ticket.wrongState, validation, hall.notFound"),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Field → messages, for 400; fields are named as in the body (hours[0].opens)",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["traceId"] = Text("For the server's log"),
            },
        };
    }
}
