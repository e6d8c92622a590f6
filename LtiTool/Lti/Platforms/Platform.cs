namespace LtiTool.Lti.Platforms;

/// <summary>
/// One registration of the tool on an LMS, keyed by (issuer, client id): hosted Canvas, Blackboard SaaS and
/// Brightspace share one issuer between institutions, so the issuer alone does not identify a registration.
/// </summary>
/// <param name="Id">Database key.</param>
/// <param name="Issuer">The platform's issuer identifier, compared exactly (Security Framework §5.1.3 step 2).</param>
/// <param name="ClientId">The client id the platform gave the tool.</param>
/// <param name="AuthUrl">OIDC authorization endpoint the login redirects to.</param>
/// <param name="TokenUrl">OAuth 2 token endpoint for LTI Advantage services.</param>
/// <param name="TokenAudience">Audience for client assertions when it is not the token URL (Brightspace).</param>
/// <param name="JwksUrl">Where the platform publishes its public keys.</param>
public sealed record Platform(
    long Id,
    string Issuer,
    string ClientId,
    string AuthUrl,
    string TokenUrl,
    string? TokenAudience,
    string JwksUrl)
{
    /// <summary>The audience of client assertions: the declared audience, or else the token URL (RFC 7523 §3).</summary>
    public string ClientAssertionAudience => TokenAudience ?? TokenUrl;
}

/// <summary>What an admin supplies to register a platform (CLI, registration page, Dynamic Registration).</summary>
public sealed record PlatformRegistration(
    string Issuer,
    string ClientId,
    string AuthUrl,
    string TokenUrl,
    string? TokenAudience,
    string JwksUrl,
    IReadOnlyList<string> DeploymentIds);
