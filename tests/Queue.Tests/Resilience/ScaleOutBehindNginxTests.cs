using Queue.LoadTests;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Resilience;

/// <summary>
/// Two nodes on PostgreSQL behind nginx (WebSockets, sticky by address): a ticket issued through one node
/// and called through the other reaches the displays and the phone on the first; after the first node is
/// killed, clients reconnect through nginx to the other, resynchronise, and hear the next call.
/// </summary>
// Real server processes under load: run one at a time so each stays short and measures its own server.
[Collection("Resilience")]
public sealed class ScaleOutBehindNginxTests
{
    [Fact]
    public async Task A_call_on_one_node_reaches_clients_on_the_other_and_clients_fail_over_through_nginx()
    {
        var report = await ScaleOutCheck.RunAsync(Path.Combine(AppContext.BaseDirectory, "Queue.Web.dll"), TestEnvironment.PostgresServer, TestEnvironment.RedisServer, _ => { });
        Assert.True(report.Passed, string.Join('\n', report.Failures) + "\n" + string.Join('\n', report.Steps));
    }
}
