using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using LtiTool.Lti;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Tests.Demo;

public sealed class DemoTokenEndpointTests(DemoLmsFixture lms) : IClassFixture<DemoLmsFixture>
{
    private const string AllScopes =
        LtiConstants.Scopes.LineItem + " " + LtiConstants.Scopes.Score + " " + LtiConstants.Scopes.ContextMembershipReadOnly;

    [Fact]
    public async Task Valid_assertion_gets_a_bearer_token_for_the_allowed_scopes()
    {
        using var response = await lms.RequestTokenAsync(lms.ClientAssertion(), AllScopes + " https://example.com/not-a-scope");

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("access_token").GetString()));
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(3600, json.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal(AllScopes, json.RootElement.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Assertion_signed_by_another_key_with_the_tool_kid_is_refused()
    {
        using var impostor = RSA.Create(2048);
        var key = new RsaSecurityKey(impostor) { KeyId = lms.ToolKey.KeyId };

        using var response = await lms.RequestTokenAsync(lms.ClientAssertion(key: key), AllScopes);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assertion_for_another_audience_is_refused()
    {
        using var response = await lms.RequestTokenAsync(lms.ClientAssertion(audience: lms.Urls.Issuer), AllScopes);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Expired_assertion_is_refused()
    {
        using var response = await lms.RequestTokenAsync(lms.ClientAssertion(expiresIn: -600), AllScopes);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Reused_jti_is_refused_the_second_time()
    {
        var jti = Guid.NewGuid().ToString();
        using var first = await lms.RequestTokenAsync(lms.ClientAssertion(jti: jti), AllScopes);
        using var second = await lms.RequestTokenAsync(lms.ClientAssertion(jti: jti), AllScopes);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("invalid_grant", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_grant_type_and_unknown_scopes_are_refused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [LtiConstants.OAuth.GrantType] = "password",
            [LtiConstants.OAuth.ClientAssertionType] = LtiConstants.OAuth.ClientAssertionTypeJwtBearer,
            [LtiConstants.OAuth.ClientAssertion] = lms.ClientAssertion(),
        });
        using var wrongGrant = await lms.Client.PostAsync(new Uri(lms.Urls.TokenUrl), form);
        using var noScope = await lms.RequestTokenAsync(lms.ClientAssertion(), "https://example.com/other");

        Assert.Equal(HttpStatusCode.BadRequest, wrongGrant.StatusCode);
        Assert.Contains("unsupported_grant_type", await wrongGrant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noScope.StatusCode);
        Assert.Contains("invalid_scope", await noScope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
