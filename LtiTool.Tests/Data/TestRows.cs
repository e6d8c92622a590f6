using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Login;
using LtiTool.Lti.Platforms;

namespace LtiTool.Tests.Data;

/// <summary>Rows for the store tests, valid by default; tests change only what they are about.</summary>
public static class TestRows
{
    public static string UniqueIssuer() => "https://lms-" + Guid.NewGuid().ToString("N") + ".example";

    public static string UniqueId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N");

    public static PlatformRegistration Registration(string issuer, string clientId, params string[] deploymentIds) =>
        new(issuer, clientId, issuer + "/auth", issuer + "/token", null, issuer + "/jwks", deploymentIds);

    public static LoginState LoginState(long platformId, string state, long now, long expiresAt) => new(
        State: state,
        PlatformId: platformId,
        Nonce: UniqueId("nonce"),
        DeploymentId: "deployment-1",
        TargetLinkUri: "https://tool.example/lti/launch",
        LoginHint: "login-hint",
        LtiMessageHint: "message-hint",
        BrowserBindingHash: "binding-hash",
        StorageTarget: null,
        CreatedAt: now,
        ExpiresAt: expiresAt,
        ConsumedAt: null);

    /// <summary>A launch with every part filled in, so a JSON round trip that drops a field shows.</summary>
    public static LtiLaunch Launch(long platformId, long createdAt, string subject = "student-1", string? text = "Ada Lovelace") => new(
        Id: UniqueId("launch"),
        PlatformId: platformId,
        DeploymentId: "deployment-1",
        Subject: subject,
        MessageType: LtiConstants.MessageTypes.ResourceLinkRequest,
        Roles: [LtiConstants.Roles.Learner, LtiConstants.Roles.InstitutionStudent],
        Role: LaunchRole.Learner,
        DisplayName: text,
        Course: new LaunchCourse("course-1", text, "ALG-1"),
        ResourceLink: new LaunchResourceLink("link-1", "Week 1", text),
        Services: new LaunchServices(
            ["https://purl.imsglobal.org/spec/lti-ags/scope/score"], "https://lms.example/lineitems", null, "https://lms.example/memberships"),
        DeepLinking: new DeepLinkingRequest("https://lms.example/return", ["ltiResourceLink"], ["iframe"], true, false, false, text, null, "opaque"),
        Presentation: new LaunchPresentation("iframe", "https://lms.example/back", "en-GB"),
        PlatformInfo: new LaunchPlatformInfo("Moodle", "moodle", "5.0"),
        Custom: new Dictionary<string, string> { ["unit"] = text ?? "fractions", ["level"] = "2" },
        CreatedAt: createdAt);

    public static ToolSession Session(LtiLaunch launch, long expiresAt) => new(UniqueId("session"), launch.Id, expiresAt);
}
