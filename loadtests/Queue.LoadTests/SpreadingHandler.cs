using System.Net.Sockets;

namespace Queue.LoadTests;

/// <summary>
/// Spreads a generator's requests over a cluster's nodes (nginx pins one client address to one node, and the
/// generator is one address). A request refused at the socket never reached a node, so it is sent to the next.
/// </summary>
public sealed class SpreadingHandler(IReadOnlyList<Uri> nodes, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int next;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var start = (int)((uint)Interlocked.Increment(ref next) % nodes.Count);
        for (var i = 0; ; i++)
        {
            var node = nodes[(start + i) % nodes.Count];
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = node.Host, Port = node.Port }.Uri;
            try { return await base.SendAsync(request, ct); }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && i < nodes.Count - 1) { }
        }
    }
}
