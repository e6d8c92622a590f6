using LtiTool.Lti;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LtiTool.Tests.Demo;

public sealed class DemoAuthorizeTests(DemoLmsFixture lms) : IClassFixture<DemoLmsFixture>
{
    [Fact]
    public async Task Launch_page_posts_a_login_initiation_to_the_tool()
    {
        using var response = await lms.Client.GetAsync(new Uri($"{lms.Urls.Home}/launch?user=5&kind=resource&link=1"));
        var (action, fields) = await DemoHtmlForms.ReadFormAsync(response);

        Assert.Equal(lms.Urls.ToolLoginUrl, action);
        Assert.Equal(lms.Platform.Issuer, fields[LtiConstants.LoginParameters.Issuer]);
        Assert.Equal("5", fields[LtiConstants.LoginParameters.LoginHint]);
        Assert.Equal(lms.Urls.ToolLaunchUrl, fields[LtiConstants.LoginParameters.TargetLinkUri]);
        Assert.Equal("resource:1", fields[LtiConstants.LoginParameters.LtiMessageHint]);
        Assert.Equal(lms.Platform.ClientId, fields[LtiConstants.LoginParameters.ClientId]);
        Assert.Equal(lms.Platform.DeploymentId, fields[LtiConstants.LoginParameters.DeploymentId]);
    }

    [Fact]
    public async Task Valid_authentication_request_answers_a_form_post_of_id_token_and_state_to_the_launch_url()
    {
        using var response = await lms.Client.GetAsync(new Uri(AuthorizeUrl()));
        var (action, fields) = await DemoHtmlForms.ReadFormAsync(response);

        Assert.Equal(lms.Urls.ToolLaunchUrl, action);
        Assert.Equal("state-1", fields[LtiConstants.LoginParameters.State]);
        var token = new JsonWebToken(fields[LtiConstants.LoginParameters.IdToken]);
        Assert.Equal("nonce-1", token.GetClaim(LtiConstants.Claims.Nonce).Value);
        Assert.Equal("4", token.Subject);
    }

    [Fact]
    public async Task Deep_linking_hint_from_the_instructor_gives_a_deep_linking_request()
    {
        using var response = await lms.Client.GetAsync(new Uri(AuthorizeUrl(loginHint: "3", messageHint: "deeplink")));
        var (_, fields) = await DemoHtmlForms.ReadFormAsync(response);

        var token = new JsonWebToken(fields[LtiConstants.LoginParameters.IdToken]);
        Assert.Equal(LtiConstants.MessageTypes.DeepLinkingRequest, token.GetClaim(LtiConstants.Claims.MessageType).Value);
    }

    [Theory]
    [InlineData("redirect_uri", "http://evil.example/lti/launch", "redirect_uri")]
    [InlineData("nonce", "", "nonce")]
    [InlineData("login_hint", "999", "login_hint")]
    [InlineData("response_mode", "query", "response_mode")]
    [InlineData("prompt", "login", "prompt")]
    [InlineData("client_id", "someone-else", "client_id")]
    [InlineData("lti_message_hint", "resource:404", "lti_message_hint")]
    public async Task Bad_authentication_requests_are_refused_with_an_error_page(string parameter, string value, string named)
    {
        var url = AuthorizeUrl(overrides: new() { [parameter] = value });

        using var response = await lms.Client.GetAsync(new Uri(url));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, body, StringComparison.Ordinal);
        Assert.DoesNotContain("id_token\" value", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Students_cannot_ask_for_deep_linking()
    {
        using var response = await lms.Client.GetAsync(new Uri(AuthorizeUrl(loginHint: "4", messageHint: "deeplink")));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    private string AuthorizeUrl(string loginHint = "4", string messageHint = "resource:1", Dictionary<string, string>? overrides = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            [LtiConstants.LoginParameters.Scope] = LtiConstants.LoginParameters.ScopeOpenId,
            [LtiConstants.LoginParameters.ResponseType] = LtiConstants.LoginParameters.ResponseTypeIdToken,
            [LtiConstants.LoginParameters.ResponseMode] = LtiConstants.LoginParameters.ResponseModeFormPost,
            [LtiConstants.LoginParameters.Prompt] = LtiConstants.LoginParameters.PromptNone,
            [LtiConstants.LoginParameters.ClientId] = lms.Platform.ClientId,
            [LtiConstants.LoginParameters.RedirectUri] = lms.Urls.ToolLaunchUrl,
            [LtiConstants.LoginParameters.LoginHint] = loginHint,
            [LtiConstants.LoginParameters.LtiMessageHint] = messageHint,
            [LtiConstants.LoginParameters.Nonce] = "nonce-1",
            [LtiConstants.LoginParameters.State] = "state-1",
        };
        foreach (var (name, value) in overrides ?? [])
        {
            parameters[name] = value;
        }

        return QueryHelpers.AddQueryString(lms.Urls.AuthUrl, parameters.Where(p => p.Value is { Length: > 0 }));
    }
}
