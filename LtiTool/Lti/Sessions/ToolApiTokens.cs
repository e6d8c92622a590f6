using System.Security.Claims;
using LtiTool.Lti.Keys;
using LtiTool.Lti.Launch;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Lti.Sessions;

/// <summary>
/// Short-lived bearer tokens the tool's own pages send to <c>/api/...</c>. Third-party cookies are blocked in many
/// LMS iframes; a token in a header is not. Validated by JwtBearer with the tool's keys.
/// </summary>
public sealed class ToolApiTokens(ToolKeyRing keyRing, TimeProvider timeProvider, IOptions<LtiOptions> options)
{
    public const string Issuer = "edurec-lti-tool";
    public const string Audience = "edurec-lti-api";
    public const string LaunchIdClaim = "lid";
    public const string PlatformIdClaim = "pid";
    public const string RoleClaim = "role";

    private readonly JsonWebTokenHandler _handler = new();

    public async Task<string> IssueAsync(LtiLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.ApiTokenLifetime,
            SigningCredentials = await keyRing.GetSigningCredentialsAsync(cancellationToken),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, launch.Subject),
                new Claim(LaunchIdClaim, launch.Id),
                new Claim(PlatformIdClaim, launch.PlatformId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(RoleClaim, launch.Role.ToString()),
            ]),
        };
        return _handler.CreateToken(descriptor);
    }
}
