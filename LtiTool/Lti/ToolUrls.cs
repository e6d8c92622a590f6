using Microsoft.Extensions.Options;

namespace LtiTool.Lti;

/// <summary>
/// The tool's own absolute URLs: from <see cref="LtiOptions.PublicBaseUrl"/> when set, else from the request
/// (scheme and host as seen after forwarded-header processing).
/// </summary>
public sealed class ToolUrls(IOptions<LtiOptions> options)
{
    public const string LoginPath = "/lti/login";
    public const string LaunchPath = "/lti/launch";

    public string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = options.Value.PublicBaseUrl;
        return string.IsNullOrEmpty(configured)
            ? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}"
            : configured.TrimEnd('/');
    }

    public string LaunchUrl(HttpRequest request) => BaseUrl(request) + LaunchPath;

    public string LoginUrl(HttpRequest request) => BaseUrl(request) + LoginPath;

    /// <summary>
    /// True when <paramref name="url"/> is an absolute URL on the tool's own origin (scheme, host and port), with no
    /// user info: the open-redirect guard for target_link_uri (LTI 1.3 Core §5.3.4; catalogue case 5).
    /// </summary>
    public bool IsOwnUrl(HttpRequest request, string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || !string.IsNullOrEmpty(target.UserInfo))
        {
            return false;
        }

        var own = new Uri(BaseUrl(request));
        return Uri.Compare(target, own, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            && target.AbsolutePath.StartsWith(own.AbsolutePath, StringComparison.Ordinal);
    }
}
