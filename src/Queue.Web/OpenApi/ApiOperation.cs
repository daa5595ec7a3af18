namespace Queue.Web.OpenApi;

/// <summary>
/// One operation's name in the document: a stable <c>operationId</c> for generated clients, the summary in
/// Chinese and English, the refusals beyond those its metadata implies, and the follow-up operations its
/// created resource links to.
/// </summary>
public sealed record ApiOperation(string Id, string Zh, string En, int[]? Extra = null, ApiLink[]? Links = null)
{
    public string Summary => $"{Zh} / {En}";
}

/// <summary>A link from an answer to the operation that acts on what it created (OpenAPI <c>links</c>).</summary>
/// <param name="Status">The answer the link hangs on (201, or 200 for a read).</param>
/// <param name="Parameters">Parameter name → runtime expression, e.g. <c>$response.body#/id</c>.</param>
/// <param name="Body">A request body built from the answer, e.g. <c>{"token": "$response.body#/token"}</c>.</param>
public sealed record ApiLink(string Name, int Status, string OperationId, Dictionary<string, string> Parameters, Dictionary<string, string>? Body = null);
