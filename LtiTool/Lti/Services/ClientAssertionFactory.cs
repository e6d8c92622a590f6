using System.Text.Json;
using LtiTool.Lti.Keys;
using LtiTool.Lti.Platforms;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LtiTool.Lti.Services;

/// <summary>
/// The JWT that authenticates the tool at a platform's token endpoint (RFC 7523 §2.2, §3; Security Framework §4.1.1):
/// iss = sub = client_id, aud = the registration's token audience or else the token URL, a fresh jti, iat now and a
/// short exp, RS256 with the current tool key's kid in the header.
/// </summary>
internal sealed class ClientAssertionFactory(ToolKeyRing keys, TimeProvider time, IOptions<ServicesOptions> options)
{
    // Times come from the injected clock only: no nbf or defaults from the wall clock.
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> CreateAsync(Platform platform, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var credentials = await keys.GetSigningCredentialsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            [LtiConstants.Claims.Issuer] = platform.ClientId,
            [LtiConstants.Claims.Subject] = platform.ClientId,
            [LtiConstants.Claims.Audience] = platform.ClientAssertionAudience,
            [LtiConstants.Claims.IssuedAt] = now.ToUnixTimeSeconds(),
            [LtiConstants.Claims.Expires] = now.Add(options.Value.AssertionLifetime).ToUnixTimeSeconds(),
            [LtiConstants.Claims.JwtId] = Guid.NewGuid().ToString("N"),
        };
        return _handler.CreateToken(JsonSerializer.Serialize(claims), credentials);
    }
}
