namespace Queue.Web.OpenApi;

/// <summary>Registers <c>/openapi/v1.json</c> with the transformers that make it the complete contract (decision 0085).</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddQueueOpenApi(this IServiceCollection services)
    {
        var schemas = new SchemaRules();
        return services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer(schemas);
            o.AddOperationTransformer(new OperationAnswers());
            o.AddDocumentTransformer(new DocumentRules(schemas));
        });
    }
}
