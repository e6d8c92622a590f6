namespace LtiTool.Admin;

/// <summary>
/// Platform values that are the same for every school on a hosted LMS, so the admin only pastes the client id and
/// deployment id (lti-anchors.md §4.1, §4.3, §4.4; ecosystem.md §1.1). Per-school values use <c>&lt;host&gt;</c>.
/// </summary>
public static class LmsPresets
{
    /// <summary>The part of a preset URL the admin replaces with the school's LMS host.</summary>
    public const string HostToken = "<host>";

    public static IReadOnlyList<LmsPreset> All { get; } =
    [
        // Canvas: one issuer per environment; beta and test are separate platforms. Platform storage needs sso.* (lti-anchors §4.1).
        new("canvas-production", "Canvas (production)", "https://canvas.instructure.com",
            "https://sso.canvaslms.com/api/lti/authorize_redirect", $"https://{HostToken}/login/oauth2/token",
            "https://sso.canvaslms.com/api/lti/security/jwks", null,
            "Each school's token URL is on its own Canvas host."),
        new("canvas-beta", "Canvas (beta)", "https://canvas.beta.instructure.com",
            "https://sso.beta.canvaslms.com/api/lti/authorize_redirect", $"https://{HostToken}/login/oauth2/token",
            "https://sso.beta.canvaslms.com/api/lti/security/jwks", null,
            "Register beta as its own platform; it refreshes from production every few weeks."),
        new("canvas-test", "Canvas (test)", "https://canvas.test.instructure.com",
            "https://sso.test.canvaslms.com/api/lti/authorize_redirect", $"https://{HostToken}/login/oauth2/token",
            "https://sso.test.canvaslms.com/api/lti/security/jwks", null,
            "Register test as its own platform."),
        // Blackboard: one Developer Portal application (one client id) with a deployment id per Learn tenant (§4.3).
        new("blackboard", "Blackboard Learn", "https://blackboard.com",
            "https://developer.blackboard.com/api/v1/gateway/oidcauth", "https://developer.blackboard.com/api/v1/gateway/oauth2/jwttoken",
            "https://developer.blackboard.com/api/v1/management/applications/<client id>/jwks.json", null,
            "One client id (the Developer Portal's Application ID) serves every school; add each school's deployment id to it."),
        // Brightspace: per-tenant issuer and endpoints, but one token service whose audience differs from its URL (§4.4).
        new("brightspace", "Brightspace", $"https://{HostToken}",
            $"https://{HostToken}/d2l/lti/authenticate", "https://auth.brightspace.com/core/connect/token",
            $"https://{HostToken}/d2l/.well-known/jwks", "https://api.brightspace.com/auth/token",
            "The token audience is not the token URL: keep the preset's audience."),
    ];

    public static LmsPreset? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}

/// <summary>One preset: the values an admin would otherwise copy from the LMS's documentation.</summary>
public sealed record LmsPreset(string Id, string Name, string Issuer, string AuthUrl, string TokenUrl, string JwksUrl, string? TokenAudience, string Note);
