using System.Net;
using System.Net.Sockets;

namespace Queue.Silo.Hosting;

/// <summary>
/// Ports for a listener chosen before it binds (a silo, a gateway, a node under test). They come from below the
/// kernel's ephemeral range (32768–60999 on Linux), so an outgoing connection made meanwhile can never be given the same
/// port; asking the kernel for port 0 and releasing it handed out exactly those ports ("Address already in use").
/// </summary>
public static class FreePorts
{
    private const int First = 20000;
    private const int Last = 32767;
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var port = Random.Shared.Next(First, Last + 1);
                if (Given.Contains(port) || !CanBind(port)) continue;
                Given.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"No free port between {First} and {Last}.");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
