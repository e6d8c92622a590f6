using LtiTool.Lti.Platforms;

namespace LtiTool.Tests.TestSupport;

/// <summary>
/// A tool with three registrations: the test platform (client <see cref="TestPlatform.ClientId"/>), a second
/// registration under the same issuer (as hosted Canvas or Blackboard issue several client ids), and a Canvas-like
/// platform whose authorization endpoint lives on another origin than its issuer.
/// </summary>
public sealed class RegisteredPlatformsFixture : IAsyncLifetime
{
    public const string SecondClientId = "second-client";
    public const string SecondDeploymentId = "deployment-2";
    public const string CanvasIssuer = "https://canvas.instructure.com";
    public const string CanvasAuthOrigin = "https://sso.canvaslms.com";

    public ToolHost Tool { get; private set; } = default!;

    public TestPlatform Platform { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Tool = new ToolHost();
        Platform = await TestPlatform.StartAsync();
        await Platform.RegisterAsync(Tool);
        await Tool.Platforms.AddAsync(new PlatformRegistration(
            Platform.Issuer, SecondClientId, Platform.AuthUrl, Platform.BaseUrl + "/token", null, Platform.JwksUrl, [SecondDeploymentId]));
        await Tool.Platforms.AddAsync(new PlatformRegistration(
            CanvasIssuer, "10000000000001", CanvasAuthOrigin + "/api/lti/authorize_redirect", CanvasAuthOrigin + "/login/oauth2/token", null, CanvasAuthOrigin + "/api/lti/security/jwks", ["canvas-deployment"]));
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Tool.DisposeAsync();
    }
}
