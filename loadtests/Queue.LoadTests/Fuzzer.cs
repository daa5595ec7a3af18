using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Queue.LoadTests;

/// <summary>
/// Hostile input against every endpoint the OpenAPI document lists and every hub method: malformed and
/// oversized bodies, wrong types, unknown and absurd ids, missing, forged and wrong-role credentials, and
/// replays of requests whose effect already happened. Nothing may answer 5xx, nothing may change the stored
/// state (a digest taken before and after), and the server must be healthy afterwards.
/// Requests that carry valid credentials are only ever replays that the hall's state must refuse.
/// Every answer is also held against the document (<see cref="ApiContract"/>): a status, content type or
/// body it does not declare is a failure (decision 0085).
/// </summary>
public static class Fuzzer
{
    private static readonly string[] BadIds =
    [
        "", "%20", "no-such-hall", "x".PadRight(300, 'x'), "..%2F..%2Fetc%2Fpasswd", "'%20OR%201%3D1--", "%E5%8F%B7%E7%A5%A8", "%00", "-1", "1e308",
        "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString(), "jc-civic%0A", "%FF%FE", "null",
    ];

    private static readonly string[] BadBodies =
    [
        "", "{", "[]", "null", "\"x\"", "123", "{\"a\":", "{}", "{\"serviceId\":null}", "{\"serviceId\":123,\"channel\":[]}",
        "{\"channel\":\"teleport\",\"serviceId\":\"no-such-service\"}", "{\"outcome\":\"exploded\"}", "{\"outcome\":7}", "{\"serviceIds\":\"x\"}",
        "{\"serviceIds\":[1,2,3]}", "{\"username\":{},\"password\":[]}", "{\"level\":\"amazing\",\"token\":1}", "{\"token\":null,\"level\":null}",
        "{\"slotStart\":\"yesterday\",\"phone\":12,\"idNumber\":true}", "\u0000\u0001\u0002", "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}",
    ];

    public static async Task<FuzzReport> RunAsync(Uri server, TargetDatabase db, int requests, int hubInvocations, int seed, Action<string> log)
    {
        using var api = new QueueApi(server, 64);
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        // Replay material: a ticket already cancelled, a ticket already served (and rated, if ratings exist), windows with nobody waiting.
        var staff01 = await api.LoginAsync("staff01");
        var evaluator = await api.LoginAsync("evaluator");
        // Reads with real rights change nothing, and give the contract check the answers only accounts see.
        string[] readers = [await api.LoginAsync("admin"), await api.LoginAsync("manager"), evaluator, staff01];
        var halls = await api.HallsAsync();
        var w1 = halls.Single(h => h.Id == "jc-civic").Windows.Single(w => w.Number == 1);
        var cancelled = await IssueAsync(api, w1.ServiceIds[0]);
        (await api.SendAsync(HttpMethod.Delete, $"/api/tickets/{cancelled.Id}?token={Uri.EscapeDataString(cancelled.Token)}", null, null)).Dispose();
        var served = await IssueAsync(api, w1.ServiceIds[0]);
        foreach (var (a, json) in new[] { ("open", "{}"), ("call-next", "{}"), ("start", "{}"), ("complete", """{"outcome":"done"}""") })
            (await api.SendAsync(HttpMethod.Post, QueueApi.WindowPath("jc-civic", w1.Id, a), staff01, json)).Dispose();
        var rateBody = $$"""{"token":"{{served.Token}}","level":"satisfied","tags":[],"comment":"ok"}""";
        (await api.SendAsync(HttpMethod.Post, $"/api/tickets/{served.Id}/rating", null, rateBody)).Dispose();

        var (operations, contract) = await OperationsAsync(api);
        // Answers the document does not describe, grouped by what is wrong, with the first request that showed it.
        var contractBreaks = new ConcurrentDictionary<string, (int Count, string Example)>();
        log($"{operations.Count} operations in /openapi/v1.json");
        var before = await StateDigest.OfAsync(db);
        var rng = new Random(seed);
        var plan = new List<FuzzRequest>(requests);
        var replays = new List<FuzzRequest>
        {
            new("DELETE", $"/api/tickets/{cancelled.Id}?token={Uri.EscapeDataString(cancelled.Token)}", null, null, "replay cancel", "/api/tickets/{ticketId}"),
            new("POST", $"/api/tickets/{served.Id}/rating", rateBody, null, "replay rating", "/api/tickets/{ticketId}/rating"),
            new("POST", QueueApi.WindowPath("jc-civic", w1.Id, "complete"), """{"outcome":"done"}""", staff01, "replay complete", WindowTemplate("complete")),
            new("POST", QueueApi.WindowPath("jc-civic", w1.Id, "start"), "{}", staff01, "replay start", WindowTemplate("start")),
            new("POST", QueueApi.WindowPath("jc-civic", w1.Id, "recall"), "{}", staff01, "replay recall", WindowTemplate("recall")),
            new("POST", QueueApi.WindowPath("jc-civic", w1.Id, "no-show"), "{}", staff01, "replay no-show", WindowTemplate("no-show")),
            new("POST", QueueApi.WindowPath("jc-civic", w1.Id, "open"), "{}", staff01, "replay open", WindowTemplate("open")),
        };
        var forged = "CfDJ8" + Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('A', 200)));
        while (plan.Count < requests)
        {
            if (rng.Next(20) == 0) { plan.Add(replays[rng.Next(replays.Count)]); continue; }
            var op = operations[rng.Next(operations.Count)];
            var path = FillPath(op.Path, rng, halls, w1.Id, served.Id, op.Enums);
            var body = op.Method is "GET" or "DELETE" ? null : Body(op, rng);
            // Credentials: none, forged, or a real account in the wrong role or at the wrong window — never the right one.
            string? bearer = rng.Next(4) switch
            {
                0 => null,
                1 => forged,
                // Staff may work any window of their own hall (issue 15), so staff03 at window 1 is no longer a wrong account.
                2 when path.Contains("/windows/", StringComparison.Ordinal) && path.Contains(w1.Id, StringComparison.Ordinal) => evaluator,
                3 when op.Method == "GET" => readers[rng.Next(readers.Length)],
                _ => null,
            };
            if (op.Method == "GET" && rng.Next(3) == 0) path += (path.Contains('?') ? "&" : "?") + "token=" + Uri.EscapeDataString(BadIds[rng.Next(BadIds.Length)]);
            if (IsLegitimate(op, bearer, path, body)) continue;
            plan.Add(new FuzzRequest(op.Method, path, body, bearer, op.Path, op.Path));
        }

        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (r, ct) =>
        {
            try
            {
                using var req = new HttpRequestMessage(new HttpMethod(r.Method), r.Path);
                if (r.Bearer is not null) req.Headers.TryAddWithoutValidation("Authorization", "Bearer " + r.Bearer);
                if (r.Body is not null) req.Content = new StringContent(r.Body, Encoding.UTF8, r.Body.StartsWith('{') ? "application/json" : "text/plain");
                using var res = await api.SendRawAsync(req, ct);
                statuses.AddOrUpdate((int)res.StatusCode, 1, (_, n) => n + 1);
                if ((int)res.StatusCode >= 500) failures.Add($"{(int)res.StatusCode} for {r.Method} {Trim(r.Path)} ({r.Label}) body {Trim(r.Body)}");
                var answer = await res.Content.ReadAsStringAsync(ct);
                if (IsInstance(r.Path) && contract.Check(r.Method, r.Template, r.Path, res, answer) is { } broken)
                    contractBreaks.AddOrUpdate(broken, _ => (1, $"{r.Method} {Trim(r.Path)} body {Trim(r.Body)} answer {Trim(answer)}"), (_, v) => (v.Count + 1, v.Example));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"no answer for {r.Method} {Trim(r.Path)}: {e.Message}");
            }
        });
        // One oversized body per operation that takes a body: refused by the size limit, never read into memory.
        var huge = "{\"serviceId\":\"" + new string('x', 600_000) + "\"}";
        foreach (var op in operations.Where(o => o.Method is "POST" or "PUT"))
        {
            try
            {
                var oversized = FillPath(op.Path, rng, halls, w1.Id, served.Id, op.Enums);
                using var res = await api.SendAsync(new HttpMethod(op.Method), oversized, null, huge);
                statuses.AddOrUpdate((int)res.StatusCode, 1, (_, n) => n + 1);
                if ((int)res.StatusCode >= 500) failures.Add($"{(int)res.StatusCode} for an oversized {op.Method} {op.Path}");
                var answer = await res.Content.ReadAsStringAsync();
                if (IsInstance(oversized) && contract.Check(op.Method, op.Path, oversized, res, answer) is { } broken)
                    contractBreaks.AddOrUpdate(broken, _ => (1, $"oversized {op.Method} {op.Path}"), (_, v) => (v.Count + 1, v.Example));
            }
            catch (HttpRequestException)
            {
                // Kestrel answered 413 and closed the connection before the client finished sending: refused, as it should be.
                statuses.AddOrUpdate(413, 1, (_, n) => n + 1);
            }
        }

        var hub = await HubFuzzAsync(server, hubInvocations, served.Id);
        if (!hub.Alive) failures.Add("the hub did not answer a good JoinHall after the hostile invocations");
        if (hub.Reconnects > 0) failures.Add($"the hub dropped the connection {hub.Reconnects} times under hostile invocations");

        using (var health = await api.SendAsync(HttpMethod.Get, "/health", null, null))
            if (health.StatusCode != HttpStatusCode.OK) failures.Add($"/health answers {(int)health.StatusCode} after the fuzzing");
        using (var issue = await api.SendAsync(HttpMethod.Get, "/api/halls/jc-civic/board", null, null))
            if (issue.StatusCode != HttpStatusCode.OK) failures.Add($"the board answers {(int)issue.StatusCode} after the fuzzing");
        foreach (var (broken, (count, example)) in contractBreaks.OrderByDescending(kv => kv.Value.Count))
            failures.Add($"not as documented ×{count}: {broken} — e.g. {example}");
        var after = await StateDigest.OfAsync(db);
        if (after != before) failures.Add($"stored state changed: {before} → {after}");
        return new FuzzReport(plan.Count + operations.Count(o => o.Method is "POST" or "PUT"), hub.Invocations, operations.Count, contractBreaks.Values.Sum(v => v.Count),
            statuses.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToString(), kv => kv.Value), before, after, Math.Round(clock.Elapsed.TotalSeconds, 1),
            failures.Take(100).ToList());
    }

    /// <summary>A request this fuzzer must never send: one that could succeed (an anonymous issue/booking with a well-formed body).</summary>
    private static bool IsLegitimate(Operation op, string? bearer, string path, string? body) =>
        body is not null && body.Contains("\"channel\":\"kiosk\"", StringComparison.Ordinal);

    private static string FillPath(string template, Random rng, List<HallPlan> halls, string windowId, Guid servedTicket, Dictionary<string, string[]> enums)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '{') { sb.Append(template[i++]); continue; }
            var end = template.IndexOf('}', i);
            var name = template[(i + 1)..end].Split(':')[0];
            i = end + 1;
            // Half of the time a real id, so the body and the credentials are what gets refused; otherwise a hostile one.
            var real = rng.Next(2) == 0;
            sb.Append(name switch
            {
                "hallId" when real => "jc-civic",
                "windowId" when real => windowId,
                "ticketId" when real => servedTicket.ToString(),
                "serviceId" when real => halls[0].ServiceIds[0],
                _ when real && enums.TryGetValue(name, out var values) => values[rng.Next(values.Length)],
                "date" when real => "2026-10-01",
                _ => BadIds[rng.Next(BadIds.Length)],
            });
        }
        return sb.ToString();
    }

    private static string Body(Operation op, Random rng)
    {
        if (op.Properties.Count == 0 || rng.Next(3) == 0) return BadBodies[rng.Next(BadBodies.Length)];
        // Every property present, one of them (at least) with the wrong type or an absurd value.
        var o = new JsonObject();
        var wrong = op.Properties[rng.Next(op.Properties.Count)];
        foreach (var (name, type) in op.Properties)
        {
            JsonNode? value = (name == wrong.Name || rng.Next(3) == 0) ? WrongValue(type, rng) : PlausibleValue(name, type, rng);
            o[name] = value;
        }
        return o.ToJsonString();
    }

    private static JsonNode? WrongValue(string type, Random rng) => (type, rng.Next(6)) switch
    {
        ("string", 0) => 12345,
        ("string", 1) => new string('字', 5000),
        ("string", 2) => new JsonArray(1, 2),
        ("integer" or "number", 3) => "many",
        ("array", 4) => "not-a-list",
        (_, 5) => null,
        _ => new JsonObject { ["$ref"] = "#/x" },
    };

    private static JsonNode? PlausibleValue(string name, string type, Random rng) => type switch
    {
        "string" when name.Contains("serviceId", StringComparison.OrdinalIgnoreCase) => "no-such-service",
        "string" when name == "channel" => "mobile",
        "string" => "fuzz-" + rng.Next(1000),
        "integer" or "number" => rng.Next(-5, 5),
        "boolean" => true,
        "array" => new JsonArray("no-such-service"),
        _ => null,
    };

    /// <summary>
    /// Whether a filled path is still an instance of its template: an empty id ("/api/halls//board", "/api/halls/")
    /// names another route or none, so its answer is held only to "no 5xx", not to this operation's answers.
    /// </summary>
    private static bool IsInstance(string path)
    {
        var p = path.Split('?')[0];
        return !p.Contains("//", StringComparison.Ordinal) && !p.EndsWith('/');
    }

    private static string WindowTemplate(string action) => "/api/halls/{hallId}/windows/{windowId}/" + action;

    private static async Task<(List<Operation>, ApiContract)> OperationsAsync(QueueApi api)
    {
        using var res = await api.SendAsync(HttpMethod.Get, "/openapi/v1.json", null, null);
        var doc = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        var schemas = doc["components"]?["schemas"]?.AsObject();
        var result = new List<Operation>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description") continue;
                var schema = op?["requestBody"]?["content"]?["application/json"]?["schema"];
                if (schema?["$ref"]?.GetValue<string>() is { } r && schemas is not null) schema = schemas[r.Split('/')[^1]];
                var props = new List<(string Name, string Type)>();
                if (schema?["properties"]?.AsObject() is { } ps)
                    foreach (var (name, p) in ps)
                    {
                        var t = p?["type"];
                        var type = t is JsonArray arr ? arr.Select(x => x!.GetValue<string>()).FirstOrDefault(x => x != "null") ?? "string" : t?.GetValue<string>() ?? "string";
                        props.Add((name, type));
                    }
                // Path parameters the document enumerates ({format}, {action}) get a listed value half of the time.
                var enums = new Dictionary<string, string[]>();
                foreach (var p in op?["parameters"]?.AsArray() ?? [])
                    if (p?["in"]?.GetValue<string>() == "path" && p["schema"]?["enum"] is JsonArray e)
                        enums[p["name"]!.GetValue<string>()] = e.Select(v => v!.GetValue<string>()).ToArray();
                result.Add(new Operation(method.ToUpperInvariant(), path, props, enums));
            }
        }
        return (result, new ApiContract(doc));
    }

    private static async Task<HubFuzzResult> HubFuzzAsync(Uri server, int count, Guid realTicket)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "tests", "hub-client"),
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "hub-fuzz.mjs", server.ToString().TrimEnd('/'), count.ToString(), realTicket.ToString() }) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var line = await p.StandardOutput.ReadLineAsync() ?? "{}";
        await p.WaitForExitAsync();
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        return new HubFuzzResult(r.TryGetProperty("invocations", out var i) ? i.GetInt32() : 0, r.TryGetProperty("reconnects", out var c) ? c.GetInt32() : 1,
            r.TryGetProperty("alive", out var a2) && a2.GetBoolean());
    }

    private static async Task<IssuedRecord> IssueAsync(QueueApi api, string serviceId)
    {
        using var res = await api.SendAsync(HttpMethod.Post, "/api/halls/jc-civic/tickets", null, QueueApi.IssueBody(serviceId, "kiosk"));
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        var r = doc.RootElement;
        return new IssuedRecord(r.GetProperty("id").GetGuid(), "jc-civic", r.GetProperty("number").GetString()!, r.GetProperty("token").GetString()!);
    }

    private static string Trim(string? s) => s is null ? "" : s.Length > 120 ? s[..120] + "…" : s;

    private sealed record Operation(string Method, string Path, List<(string Name, string Type)> Properties, Dictionary<string, string[]> Enums);

    private sealed record FuzzRequest(string Method, string Path, string? Body, string? Bearer, string Label, string Template);

    private sealed record HubFuzzResult(int Invocations, int Reconnects, bool Alive);
}

public sealed record FuzzReport(int Requests, int HubInvocations, int Operations, int ContractFailures, Dictionary<string, int> Statuses, string DigestBefore, string DigestAfter,
    double Seconds, List<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
