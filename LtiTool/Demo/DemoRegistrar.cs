using System.Collections.Concurrent;
using LtiTool.Lti.Platforms;

namespace LtiTool.Demo;

/// <summary>
/// Registers the demo platform with the tool, once per origin it is reached at: at start for the server address, and
/// at launch for the request's origin (localhost and 127.0.0.1 are different issuers). <c>AddAsync</c> is idempotent.
/// </summary>
public sealed class DemoRegistrar(IPlatformStore platforms, DemoPlatform platform)
{
    private readonly ConcurrentDictionary<string, bool> _registered = new(StringComparer.Ordinal);

    public async Task EnsureRegisteredAsync(DemoUrls urls, CancellationToken cancellationToken)
    {
        if (_registered.ContainsKey(urls.Issuer))
        {
            return;
        }

        await platforms.AddAsync(
            new PlatformRegistration(urls.Issuer, platform.ClientId, urls.AuthUrl, urls.TokenUrl, TokenAudience: null, urls.JwksUrl, [platform.DeploymentId]),
            cancellationToken);
        _registered[urls.Issuer] = true;
    }
}
