using LtiTool.Lti;

namespace LtiTool.Demo;

/// <summary>
/// <c>GET /demo/launch?user=…&amp;kind=resource|deeplink&amp;link=…</c>, the iframe's source: starts a third-party initiated
/// login with a self-posting form to the tool's login URL, as Moodle's <c>ltiInitiateLoginForm</c> does (Security Framework §5.1.1.1).
/// </summary>
internal static class DemoLaunchEndpoint
{
    public const string KindResource = "resource";
    public const string KindDeepLink = "deeplink";

    public static async Task<IResult> HandleAsync(
        HttpContext context, DemoPlatform platform, DemoCourse course, DemoGradebook gradebook, DemoBaseUrl baseUrl, DemoRegistrar registrar)
    {
        var query = context.Request.Query;
        if (course.FindMember(query["user"].ToString()) is not { } user)
        {
            return DemoHtml.Error("Cannot launch", "Choose a member of the course to launch as.");
        }

        var kind = query["kind"].ToString() is KindDeepLink ? DemoMessageKind.DeepLinking : DemoMessageKind.ResourceLink;
        if (kind == DemoMessageKind.DeepLinking && !user.IsInstructor)
        {
            return DemoHtml.Error("Cannot launch", "Only the instructor can add content.");
        }

        var link = kind == DemoMessageKind.ResourceLink ? gradebook.FindResourceLink(query["link"].ToString() is { Length: > 0 } id ? id : DemoCourse.PracticePanelLinkId) : null;
        if (kind == DemoMessageKind.ResourceLink && link is null)
        {
            return DemoHtml.Error("Cannot launch", "That activity is not in the course.");
        }

        var urls = baseUrl.ForRequest(context.Request);
        await registrar.EnsureRegisteredAsync(urls, context.RequestAborted);
        var hint = new DemoMessageHint(kind, link?.Id);
        return DemoHtml.AutoPost("Starting the launch", urls.ToolLoginUrl,
        [
            new(LtiConstants.LoginParameters.Issuer, urls.Issuer),
            new(LtiConstants.LoginParameters.LoginHint, user.Id),
            new(LtiConstants.LoginParameters.TargetLinkUri, link?.TargetLinkUri ?? urls.ToolLaunchUrl),
            new(LtiConstants.LoginParameters.LtiMessageHint, hint.ToString()),
            new(LtiConstants.LoginParameters.ClientId, platform.ClientId),
            new(LtiConstants.LoginParameters.DeploymentId, platform.DeploymentId),
        ]);
    }
}
