using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LtiTool.Demo;

/// <summary>Finds the scheme and host the demo is reached at: configured, else the request's, else the server's first address.</summary>
public sealed class DemoBaseUrl(IOptions<DemoOptions> options, IServer server)
{
    public DemoUrls ForRequest(HttpRequest request) =>
        new(Configured ?? $"{request.Scheme}://{request.Host.ToUriComponent()}");

    /// <summary>At start there is no request: the first address Kestrel listens on, with wildcard hosts made dialable.</summary>
    public DemoUrls ForServer()
    {
        if (Configured is { } configured)
        {
            return new DemoUrls(configured);
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server exposes no address; set Demo:PublicBaseUrl.");
        var uri = new Uri(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" or "localhost" || (IPAddress.TryParse(uri.Host, out var ip) && ip.Equals(IPAddress.IPv6Any))
            ? IPAddress.Loopback.ToString()
            : uri.Host;
        return new DemoUrls($"{uri.Scheme}://{host}:{uri.Port}");
    }

    private string? Configured => options.Value.PublicBaseUrl?.TrimEnd('/');
}
