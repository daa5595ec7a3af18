using System.Text.Json.Nodes;
using Queue.Tests.Infrastructure;
using Queue.Web.OpenApi;

namespace Queue.Tests.Api;

/// <summary>
/// What a client generator needs from /openapi/v1.json (issue 18, decision 0085). The answers themselves are
/// held against the document by the fuzzer (HostileInputTests) and by the generated client (GeneratedClientTests).
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private QueueApp app = null!;
    private JsonNode doc = null!;

    public async Task InitializeAsync()
    {
        app = await QueueApp.StartAsync();
        doc = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private IEnumerable<(string Method, string Path, JsonNode Op)> Operations() =>
        doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (m.Key.ToUpperInvariant(), p.Key, m.Value!)));

    [Fact]
    public void Every_operation_is_named_summarised_and_in_the_table()
    {
        var ops = Operations().ToList();
        Assert.True(ops.Count >= 55, $"{ops.Count} operations");
        foreach (var (method, path, op) in ops)
        {
            Assert.True(op["operationId"] is not null, $"{method} {path} has no operationId (add it to ApiOperations)");
            Assert.Contains(" / ", op["summary"]!.GetValue<string>());
        }
        Assert.Equal(ops.Count, ops.Select(o => o.Op["operationId"]!.GetValue<string>()).Distinct().Count());
        // No stale rows: every named operation exists.
        Assert.Empty(ApiOperations.All.Keys.Except(ops.Select(o => $"{o.Method} {o.Path}")));
    }

    [Fact]
    public void Refusals_are_declared_as_problem_details_and_accounts_as_bearer_security()
    {
        Assert.Equal("bearer", doc["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        var problem = doc["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject();
        Assert.True(problem.ContainsKey("code") && problem.ContainsKey("errors"));
        foreach (var (method, path, op) in Operations())
        {
            var responses = op["responses"]!.AsObject();
            foreach (var (status, r) in responses.Where(r => r.Key.StartsWith('4')))
                Assert.Equal("#/components/schemas/ProblemDetails", r!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
            if (op["parameters"] is JsonArray { Count: > 0 } || op["requestBody"] is not null) Assert.True(responses.ContainsKey("400"), $"{method} {path} lacks 400");
            if (path.Contains('{')) Assert.True(responses.ContainsKey("404"), $"{method} {path} lacks 404");
            if (op["security"] is not null) Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"), $"{method} {path} lacks 401/403");
            if (op["requestBody"] is { } body)
            {
                Assert.True(body["required"]!.GetValue<bool>(), $"{method} {path}: body not required");
                // The catalog import is the one upload: a multipart form whose file field the schema names.
                if (body["content"]!["multipart/form-data"] is { } form)
                    Assert.NotNull(doc["components"]!["schemas"]![form["schema"]!["$ref"]!.GetValue<string>().Split('/')[^1]]!["properties"]!["file"]);
                else
                {
                    var json = body["content"]!["application/json"]!;
                    Assert.NotNull(json["schema"]!["$ref"]);
                    Assert.True(json["example"] is not null, $"{method} {path}: no example");
                }
                Assert.True(responses.ContainsKey("413") && responses.ContainsKey("415"));
            }
            if (responses["201"] is { } created) Assert.NotNull(created["headers"]!["Location"]);
        }
        Assert.NotNull(doc["paths"]!["/api/halls/{hallId}/windows/{windowId}/call-next"]!["post"]!["security"]);
        Assert.True(doc["paths"]!["/api/halls/{hallId}/tickets"]!["post"]!["responses"]!.AsObject().ContainsKey("429"));
    }

    [Fact]
    public void Schemas_say_what_is_sent_enums_are_strings_numbers_numbers_required_fields_not_null()
    {
        var schemas = doc["components"]!["schemas"]!.AsObject();
        var text = schemas.ToJsonString();
        Assert.DoesNotContain("\"format\":\"time\"", text);
        foreach (var (name, s) in schemas)
            if (s!["enum"] is JsonArray values)
            {
                Assert.Equal("string", s["type"]!.GetValue<string>());
                Assert.DoesNotContain(values, v => v is null);
            }
        Assert.DoesNotContain("[\"integer\",\"string\"]", text);
        Assert.DoesNotContain("[\"null\",\"integer\",\"string\"]", text);
        var issue = schemas["IssueTicketRequest"]!;
        Assert.Equal(["serviceId", "channel"], issue["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order().Reverse());
        Assert.Equal("string", issue["properties"]!["serviceId"]!["type"]!.GetValue<string>());
        Assert.Contains("text", schemas["NoticesRequest"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Files_have_their_content_types_parameters_their_formats_and_created_resources_their_links()
    {
        var paths = doc["paths"]!;
        Assert.NotNull(paths["/api/halls/{hallId}/presence-qr.png"]!["get"]!["responses"]!["200"]!["content"]!["image/png"]);
        var export = paths["/api/ratings/export.{format}"]!["get"]!;
        Assert.NotNull(export["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.NotNull(export["responses"]!["200"]!["content"]!["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
        Assert.Contains("xlsx", export["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "format")!["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("date", paths["/api/calendar/days"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "from")!["schema"]!["format"]!.GetValue<string>());
        var links = paths["/api/halls/{hallId}/tickets"]!["post"]!["responses"]!["201"]!["links"]!.AsObject();
        Assert.Equal(["cancelTicket", "getTicket", "rateTicket"], links.Select(l => l.Value!["operationId"]!.GetValue<string>()).Order());
        Assert.Equal("checkInBooking", paths["/api/halls/{hallId}/bookings"]!["post"]!["responses"]!["201"]!["links"]!["checkIn"]!["operationId"]!.GetValue<string>());
        Assert.Equal("actOnRatingCase", paths["/api/rating-cases/{caseId}"]!["get"]!["responses"]!["200"]!["links"]!["act"]!["operationId"]!.GetValue<string>());
        Assert.NotNull(paths["/api/auth/login"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]);
    }
}
