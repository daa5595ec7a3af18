using Queue.Tests.Infrastructure;

namespace Queue.Tests.Client;

/// <summary>
/// The committed typed client is exactly what NSwag generates from the document the server serves today:
/// a change to an endpoint that changes the document fails here until the client is regenerated
/// (<c>UPDATE_CLIENT=1</c>), and then fails to compile wherever a test or tool relied on the old shape.
/// </summary>
public sealed class GeneratedClientDriftTests
{
    [Fact]
    public async Task The_committed_client_is_generated_from_the_served_document()
    {
        await using var app = await QueueApp.StartAsync();
        var generated = await ClientSource.GenerateAsync(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var path = ClientSource.CommittedPath;
        if (Environment.GetEnvironmentVariable("UPDATE_CLIENT") == "1") await File.WriteAllTextAsync(path, generated);
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).Replace("\r\n", "\n") : "";
        Assert.True(committed == generated,
            $"{ClientSource.FileName} is not what /openapi/v1.json generates now; run the test with UPDATE_CLIENT=1 and commit the file.");
    }
}
