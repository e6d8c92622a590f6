using System.Net;
using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Http;

/// <summary>
/// Which URLs the tool will talk to or redirect to: https only (Security Framework §3; LTI 1.3 Core §5 "HTTPS for
/// all URLs"), except http on loopback hosts when <see cref="LtiOptions.AllowHttpLoopback"/> is on (the demo LMS).
/// </summary>
public sealed class UrlPolicy(IOptions<LtiOptions> options)
{
    public bool IsAllowed(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsAllowed(uri);

    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!string.IsNullOrEmpty(uri.UserInfo) || uri.IsFile)
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowHttpLoopback && IsLoopback(uri));
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
