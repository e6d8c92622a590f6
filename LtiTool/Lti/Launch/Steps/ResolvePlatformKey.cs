using LtiTool.Lti.Keys;

namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// The key comes only from the registration's JWKS, by exact kid; jku, x5u, x5c and jwk headers are never read
/// (Security Framework §5.4; catalogue cases 16–19).
/// </summary>
public sealed class ResolvePlatformKey(PlatformKeyCache keyCache) : ILaunchStep
{
    public async ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var lookup = await keyCache.FindKeyAsync(context.RequiredPlatform, context.KeyId!, cancellationToken);
        context.SigningKey = lookup.Key;
        return lookup.Error;
    }
}
