using System.Net;
using System.Net.Sockets;
using LtiTool.Lti.Http;
using LtiTool.Lti.Platforms;
using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Services;

/// <summary>
/// Decides whether a service URL may receive the platform's bearer token (security catalogue case 83, after
/// GHSA-7j9p-67mm-5g87): it must pass <see cref="UrlPolicy"/> (https; loopback http only when allowed) and sit on a host
/// the platform is registered with — the host of its issuer, auth, token or JWKS URL, a subdomain of the issuer's host,
/// or a configured <see cref="ServicesOptions.TrustedServiceHosts"/> pattern. Link-local addresses are never called.
/// </summary>
internal sealed partial class ServiceUrlGuard(UrlPolicy urlPolicy, IOptions<ServicesOptions> options, ILogger<ServiceUrlGuard> logger)
{
    /// <summary>The URL as a <see cref="Uri"/>, or <see cref="LtiServiceError.UntrustedUrl"/> before any request is made.</summary>
    public Uri Check(Platform platform, string? url, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && urlPolicy.IsAllowed(uri) && !IsLinkLocal(uri) && IsPlatformHost(platform, uri.IdnHost))
        {
            return uri;
        }

        ServicesLog.UntrustedServiceUrl(logger, platform.Issuer, correlationId, uri?.IdnHost ?? "(not an absolute URL)");
        throw new LtiServiceException(LtiServiceError.UntrustedUrl, $"The service URL is not an allowed URL on a host registered for {platform.Issuer}; no token was sent.");
    }

    public bool IsPlatformHost(Platform platform, string host)
    {
        var issuerHost = HostOf(platform.Issuer);
        if (new[] { issuerHost, HostOf(platform.AuthUrl), HostOf(platform.TokenUrl), HostOf(platform.JwksUrl) }
            .Any(h => h is not null && string.Equals(h, host, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // Blackboard's issuer is https://blackboard.com and its services sit on each school's *.blackboard.com host.
        if (issuerHost is not null && Uri.CheckHostName(issuerHost) == UriHostNameType.Dns && issuerHost.Contains('.', StringComparison.Ordinal)
            && host.EndsWith("." + issuerHost, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return options.Value.TrustedServiceHosts.Any(pattern => MatchesPattern(pattern, host));
    }

    /// <summary>An exact DNS host name, or <c>*.</c> followed by one.</summary>
    public static bool IsValidHostPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var name = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return Uri.CheckHostName(name) == UriHostNameType.Dns;
    }

    private static bool MatchesPattern(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    private static string? HostOf(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.IdnHost : null;

    // 169.254.0.0/16 and fe80::/10 hold cloud metadata services (169.254.169.254): never a service host.
    private static bool IsLinkLocal(Uri uri) =>
        IPAddress.TryParse(uri.DnsSafeHost, out var address)
        && (address.IsIPv6LinkLocal
            || (address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [169, 254, _, _])
            || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));
}
