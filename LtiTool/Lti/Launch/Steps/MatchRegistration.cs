using System.Text.Json;
using LtiTool.Lti.Platforms;
using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// iss must be exactly the issuer of the registration the login was for, aud must name its client id, extra
/// audiences must be trusted, and azp (required with several audiences) must be the client id
/// (Security Framework §5.1.3 steps 2–5; the SHOULDs on azp are adopted as MUSTs).
/// Keys are then resolved only from this registration (catalogue case 20).
/// </summary>
public sealed class MatchRegistration(IPlatformStore platforms, IOptions<LtiOptions> options) : ILaunchStep
{
    public async ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var token = context.RequiredToken;
        var platform = await platforms.GetAsync(context.RequiredLogin.PlatformId, cancellationToken);
        if (platform is null || token.StringClaim(LtiConstants.Claims.Issuer) is not { } issuer
            || !string.Equals(issuer, platform.Issuer, StringComparison.Ordinal))
        {
            return LtiErrors.IssuerMismatch;
        }

        var audiences = ReadAudiences(token.Claim(LtiConstants.Claims.Audience));
        if (audiences is null || !audiences.Contains(platform.ClientId, StringComparer.Ordinal))
        {
            return LtiErrors.AudienceInvalid;
        }

        var authorizedParty = token.Claim(LtiConstants.Claims.AuthorizedParty);
        if (authorizedParty is not null
            && (authorizedParty.Value.ValueKind != JsonValueKind.String || authorizedParty.Value.GetString() != platform.ClientId))
        {
            return LtiErrors.AuthorizedPartyInvalid;
        }

        if (audiences.Count > 1)
        {
            if (authorizedParty is null)
            {
                return LtiErrors.AuthorizedPartyInvalid;
            }

            if (audiences.Any(a => a != platform.ClientId && !options.Value.TrustedAudiences.Contains(a)))
            {
                return LtiErrors.AudienceUntrusted;
            }
        }

        context.Platform = platform;
        return null;
    }

    // aud is a string or an array of strings (Security Framework §5.1.2); anything else is invalid.
    private static List<string>? ReadAudiences(JsonElement? aud)
    {
        if (aud is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
        {
            return null;
        }

        return value.EnumerateArray().Select(a => a.GetString()!).ToList();
    }
}
