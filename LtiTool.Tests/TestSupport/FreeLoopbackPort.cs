using System.Net;
using System.Net.Sockets;

namespace LtiTool.Tests.TestSupport;

/// <summary>A TCP port free on 127.0.0.1 right now, for servers that must be told their port up front (WireMock.Net).</summary>
public static class FreeLoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
