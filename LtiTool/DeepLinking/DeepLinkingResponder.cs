using System.Security.Cryptography;
using System.Text.Json;
using LtiTool.Lti;
using LtiTool.Lti.Keys;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Platforms;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.DeepLinking;

/// <summary>The signed response and where the browser posts it (form field <c>JWT</c>).</summary>
public sealed record DeepLinkingResponse(string ReturnUrl, string Jwt, int ItemCount);

/// <summary>
/// Signs the <c>LtiDeepLinkingResponse</c> with the tool's current key (Deep Linking 2.0 §4.5): iss is the tool's
/// client id, aud the platform's issuer, a fresh nonce, the request's deployment, its <c>data</c> echoed unchanged,
/// and a short lifetime.
/// </summary>
public sealed class DeepLinkingResponder(ToolKeyRing keys, IPlatformStore platforms, TimeProvider time, IOptions<DeepLinkingOptions> options)
{
    /// <summary>The response carrying <paramref name="items"/>, or, when <paramref name="errorMessage"/> is set, a cancel with no items.</summary>
    public async Task<DeepLinkingResponse?> CreateAsync(
        LtiLaunch launch, IReadOnlyList<Dictionary<string, object?>> items, string? message, string? errorMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(items);
        var settings = launch.DeepLinking ?? throw new ArgumentException("Not a deep-linking launch.", nameof(launch));
        if (await platforms.GetAsync(launch.PlatformId, cancellationToken) is not { } platform)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object?>
        {
            [LtiConstants.Claims.Issuer] = platform.ClientId,
            [LtiConstants.Claims.Audience] = platform.Issuer,
            [LtiConstants.Claims.IssuedAt] = now.ToUnixTimeSeconds(),
            [LtiConstants.Claims.Expires] = now.Add(options.Value.ResponseLifetime).ToUnixTimeSeconds(),
            [LtiConstants.Claims.Nonce] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            [LtiConstants.Claims.DeploymentId] = launch.DeploymentId,
            [LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.DeepLinkingResponse,
            [LtiConstants.Claims.Version] = LtiConstants.LtiVersion,
            [LtiConstants.Claims.DeepLinkingContentItems] = items,
        };
        // data is echoed only when the request carried it (§4.4.1 "MUST be included ... if present").
        if (settings.Data is { } data)
        {
            claims[LtiConstants.Claims.DeepLinkingData] = data;
        }

        if (message is not null)
        {
            claims[LtiConstants.Claims.DeepLinkingMessage] = message;
        }

        if (errorMessage is not null)
        {
            claims[LtiConstants.Claims.DeepLinkingErrorMessage] = errorMessage;
        }

        var credentials = await keys.GetSigningCredentialsAsync(cancellationToken);
        var jwt = new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(claims), credentials);
        return new DeepLinkingResponse(settings.ReturnUrl, jwt, items.Count);
    }
}
