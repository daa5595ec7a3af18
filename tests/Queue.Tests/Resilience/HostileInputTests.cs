using Queue.LoadTests;

namespace Queue.Tests.Resilience;

/// <summary>
/// The fuzzer in short form: 2,000 malformed, oversized, wrong-type, wrong-role and replayed requests across
/// every endpoint of /openapi/v1.json and 500 hostile hub invocations. No 5xx, no change to the stored state,
/// and the server healthy afterwards; every answer as /openapi/v1.json declares it (status, content type, body
/// schema; decision 0085). The full run (10,000) is scripts/loadtool.sh fuzz.
/// </summary>
// Real server processes under load: run one at a time so each stays short and measures its own server.
[Collection("Resilience")]
public sealed class HostileInputTests
{
    [Fact]
    public async Task Hostile_requests_get_documented_4xx_change_nothing_and_leave_the_server_healthy()
    {
        await using var db = await TargetDatabase.CreateAsync("sqlite", null);
        await using var server = new ServerNode(Path.Combine(AppContext.BaseDirectory, "Queue.Web.dll"), db.Settings());
        await server.StartAsync();
        var report = await Fuzzer.RunAsync(server.Address, db, requests: 2_000, hubInvocations: 500, seed: 11, _ => { });
        Assert.True(report.Passed, string.Join('\n', report.Failures.Take(20)));
        Assert.True(report.Requests >= 2_000);
        Assert.Equal(0, report.ContractFailures);
        Assert.DoesNotContain(report.Statuses.Keys, s => s.StartsWith('5'));
        Assert.True(report.Operations >= 15, $"only {report.Operations} operations were found in the OpenAPI document");
    }
}
