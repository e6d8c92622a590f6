using LtiTool.Lti;
using Microsoft.Extensions.Primitives;

namespace LtiTool.Demo;

/// <summary>
/// <c>GET|POST /demo/authorize</c>: the platform's OIDC authorization endpoint (Security Framework §5.1.1.2–5.1.1.3).
/// Checks the tool's authentication request strictly and answers with a self-posting form carrying id_token and state.
/// </summary>
internal static class DemoAuthorizeEndpoint
{
    private const int MaxParameterLength = 2048;

    public static async Task<IResult> HandleAsync(
        HttpContext context, DemoPlatform platform, DemoCourse course, DemoGradebook gradebook, DemoBaseUrl baseUrl, DemoDeepLinkData deepLinkData)
    {
        var parameters = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(p => p.Key, p => p.Value)
            : context.Request.Query.ToDictionary(p => p.Key, p => p.Value);
        string Get(string name) => parameters.GetValueOrDefault(name, StringValues.Empty).ToString();

        var urls = baseUrl.ForRequest(context.Request);
        if (Check(Get, platform, urls) is { } problem)
        {
            return DemoHtml.Error("Authorization refused", problem);
        }

        if (course.FindMember(Get(LtiConstants.LoginParameters.LoginHint)) is not { } user)
        {
            return DemoHtml.Error("Authorization refused", "login_hint does not name a member of this course.");
        }

        var hint = DemoMessageHint.Parse(Get(LtiConstants.LoginParameters.LtiMessageHint));
        var link = hint?.ResourceLinkId is { } linkId ? gradebook.FindResourceLink(linkId) : null;
        if (hint is null || (hint.Kind == DemoMessageKind.ResourceLink && link is null))
        {
            return DemoHtml.Error("Authorization refused", "lti_message_hint does not name a launch of this course.");
        }

        if (hint.Kind == DemoMessageKind.DeepLinking && !user.IsInstructor)
        {
            return DemoHtml.Error("Authorization refused", "Only the instructor can add content to the course.");
        }

        var targetLinkUri = link?.TargetLinkUri ?? urls.ToolLaunchUrl;
        var data = hint.Kind == DemoMessageKind.DeepLinking ? deepLinkData.Issue() : null;
        var claims = platform.CreateLaunchClaims(user, hint.Kind, Get(LtiConstants.LoginParameters.Nonce), targetLinkUri, link, urls, data);
        return DemoHtml.AutoPost("Opening the tool", urls.ToolLaunchUrl,
        [
            new(LtiConstants.LoginParameters.IdToken, platform.SignIdToken(claims)),
            new(LtiConstants.LoginParameters.State, Get(LtiConstants.LoginParameters.State)),
        ]);
    }

    /// <summary>The authentication request's fixed values (Security Framework §5.1.1.2), or what is wrong with them.</summary>
    private static string? Check(Func<string, string> get, DemoPlatform platform, DemoUrls urls)
    {
        string[] required =
        [
            LtiConstants.LoginParameters.Scope, LtiConstants.LoginParameters.ResponseType, LtiConstants.LoginParameters.ResponseMode,
            LtiConstants.LoginParameters.Prompt, LtiConstants.LoginParameters.ClientId, LtiConstants.LoginParameters.RedirectUri,
            LtiConstants.LoginParameters.LoginHint, LtiConstants.LoginParameters.Nonce, LtiConstants.LoginParameters.State,
        ];
        if (required.FirstOrDefault(p => get(p).Length == 0) is { } missing)
        {
            return $"The parameter {missing} is missing.";
        }

        if (required.FirstOrDefault(p => get(p).Length > MaxParameterLength) is { } tooLong)
        {
            return $"The parameter {tooLong} is too long.";
        }

        if (!get(LtiConstants.LoginParameters.Scope).Split(' ').Contains(LtiConstants.LoginParameters.ScopeOpenId))
        {
            return "scope must include openid.";
        }

        return (get(LtiConstants.LoginParameters.ResponseType), get(LtiConstants.LoginParameters.ResponseMode), get(LtiConstants.LoginParameters.Prompt)) switch
        {
            (not LtiConstants.LoginParameters.ResponseTypeIdToken, _, _) => "response_type must be id_token.",
            (_, not LtiConstants.LoginParameters.ResponseModeFormPost, _) => "response_mode must be form_post.",
            (_, _, not LtiConstants.LoginParameters.PromptNone) => "prompt must be none.",
            _ when get(LtiConstants.LoginParameters.ClientId) != platform.ClientId => "client_id is not the tool's client id.",
            // Exact match with the registered redirect URI: anything else could send the id_token elsewhere (OAuth 2.0 §3.1.2).
            _ when get(LtiConstants.LoginParameters.RedirectUri) != urls.ToolLaunchUrl => "redirect_uri is not the tool's registered launch URL.",
            _ => null,
        };
    }
}
