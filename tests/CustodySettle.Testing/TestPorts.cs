using System.Net;
using System.Net.Sockets;

namespace CustodySettle.Testing;

/// <summary>
/// Ports for servers a test starts itself (a private PostgreSQL, anvil, the service).
/// </summary>
/// <remarks>
/// Asking the kernel for port 0 returns a port from the ephemeral range (32768-60999 on Linux), the
/// same range every outgoing connection on the machine draws from. Between the probe and the server's
/// own bind, a connection of a parallel test could take it; under CI load that happened. Ports below
/// that range are only ever taken by listeners, so a probe that binds there stays true. Each port is
/// handed out once per process.
/// </remarks>
public static class TestPorts
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static readonly HashSet<int> Given = [];

    /// <summary>A loopback port outside the ephemeral range that nothing listens on now.</summary>
    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = First + Random.Shared.Next(Count);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port in {First}-{First + Count - 1} after 1,000 tries");
    }

    private static bool IsFree(int port)
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
