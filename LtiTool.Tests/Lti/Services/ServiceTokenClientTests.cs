using System.Net;
using LtiTool.Demo;
using LtiTool.Lti;
using LtiTool.Lti.Keys;
using LtiTool.Lti.Platforms;
using LtiTool.Lti.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LtiTool.Tests.Lti.Services;

/// <summary>OAuth 2 client credentials with a JWT assertion against the demo LMS's token endpoint (catalogue cases 79–82, 92).</summary>
public sealed class ServiceTokenClientTests(ServicesDemoFixture demo) : IClassFixture<ServicesDemoFixture>
{
    [Fact]
    public async Task TokenRequest_FirstServiceCall_SendsRfc7523AssertionAndFormTheDemoAccepts()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var platform = await demo.PlatformAsync();
        var currentKid = (await demo.Tool.Service<ToolKeyRing>().GetSigningCredentialsAsync()).Key.KeyId;

        var item = await harness.Ags.GetLineItemAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId));

        Assert.Equal("Practice panel", item.Label);
        var tokenRequest = Assert.Single(harness.Recorder.Requests, r => r.IsTokenRequest);
        Assert.Equal(HttpMethod.Post, tokenRequest.Method);
        Assert.Equal(platform.TokenUrl, tokenRequest.Url.AbsoluteUri);
        Assert.StartsWith("application/x-www-form-urlencoded", tokenRequest.ContentType, StringComparison.Ordinal);
        var form = ParseForm(tokenRequest.Body!);
        Assert.Equal(["client_assertion", "client_assertion_type", "grant_type", "scope"], form.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(LtiConstants.OAuth.GrantTypeClientCredentials, form[LtiConstants.OAuth.GrantType]);
        Assert.Equal(LtiConstants.OAuth.ClientAssertionTypeJwtBearer, form[LtiConstants.OAuth.ClientAssertionType]);
        Assert.Equal(LtiConstants.Scopes.LineItemReadOnly, form[LtiConstants.OAuth.Scope]);
        var assertion = new JsonWebToken(form[LtiConstants.OAuth.ClientAssertion]);
        Assert.Equal(LtiConstants.SigningAlgorithm, assertion.Alg);
        Assert.Equal(currentKid, assertion.Kid);
        Assert.Equal(platform.ClientId, assertion.Issuer);
        Assert.Equal(platform.ClientId, assertion.Subject);
        Assert.Equal(platform.TokenUrl, Assert.Single(assertion.Audiences));
        Assert.False(string.IsNullOrEmpty(assertion.Id));
        var iat = assertion.GetPayloadValue<long>(LtiConstants.Claims.IssuedAt);
        var exp = assertion.GetPayloadValue<long>(LtiConstants.Claims.Expires);
        Assert.Equal(demo.Tool.Time.GetUtcNow().ToUnixTimeSeconds(), iat, tolerance: 1);
        Assert.InRange(exp - iat, 1, 300);
        Assert.False(assertion.TryGetPayloadValue<long>(LtiConstants.Claims.NotBefore, out _));
    }

    [Fact]
    public async Task ClientAssertion_PlatformWithTokenAudience_UsesTheAudienceAndANewJtiEachTime()
    {
        var platform = await demo.PlatformAsync() with { TokenAudience = "https://api.brightspace.com/auth/token" };
        var factory = new ClientAssertionFactory(demo.Tool.Service<ToolKeyRing>(), demo.Tool.Time, Microsoft.Extensions.Options.Options.Create(new ServicesOptions()));

        var first = new JsonWebToken(await factory.CreateAsync(platform, CancellationToken.None));
        var second = new JsonWebToken(await factory.CreateAsync(platform, CancellationToken.None));

        Assert.Equal("https://api.brightspace.com/auth/token", Assert.Single(first.Audiences));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task TokenCache_ManySequentialCalls_OneTokenRequest()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();

        for (var i = 0; i < 10; i++)
        {
            await harness.Ags.GetLineItemAsync(ags, demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId));
        }

        Assert.Equal(1, harness.Recorder.TokenRequests);
        Assert.Equal(10, harness.Recorder.ServiceRequests.Count);
        Assert.All(harness.Recorder.ServiceRequests, r => Assert.Equal(harness.Recorder.ServiceRequests[0].Authorization, r.Authorization));
    }

    [Fact]
    public async Task TokenCache_FiftyConcurrentCallersWithNoToken_OneTokenRequest()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();

        var items = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => harness.Ags.GetLineItemAsync(ags, demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId)))));

        Assert.All(items, i => Assert.Equal("Practice panel", i.Label));
        Assert.Equal(1, harness.Recorder.TokenRequests);
        Assert.Equal(50, harness.Recorder.ServiceRequests.Count);
    }

    [Fact]
    public async Task TokenCache_HundredConcurrentTokenRequests_ShareOneFetch()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var platform = await demo.PlatformAsync();
        var scopes = ScopeSet.Of([LtiConstants.Scopes.Score]);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => harness.Tokens.GetTokenAsync(platform, scopes))));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, harness.Recorder.TokenRequests);
    }

    [Fact]
    public async Task TokenCache_ScopesInAnotherOrder_SameToken()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var platform = await demo.PlatformAsync();

        var first = await harness.Tokens.GetTokenAsync(platform, ScopeSet.Of([LtiConstants.Scopes.Score, LtiConstants.Scopes.ResultReadOnly]));
        var second = await harness.Tokens.GetTokenAsync(platform, ScopeSet.Of([LtiConstants.Scopes.ResultReadOnly, LtiConstants.Scopes.Score, LtiConstants.Scopes.Score]));

        Assert.Same(first, second);
        Assert.Equal(1, harness.Recorder.TokenRequests);
    }

    [Fact]
    public async Task TokenCache_NearExpiry_FetchesANewToken()
    {
        // The demo judges assertions by the same clock, so the tool's own clock moves.
        using var harness = new ServicesHarness(demo.Tool);
        var clock = demo.Tool.Time;
        var platform = await demo.PlatformAsync();
        var scopes = ScopeSet.Of([LtiConstants.Scopes.Score]);
        var start = clock.GetUtcNow();

        var first = await harness.Tokens.GetTokenAsync(platform, scopes);
        clock.Advance(TimeSpan.FromMinutes(58));
        var stillCached = await harness.Tokens.GetTokenAsync(platform, scopes);
        clock.Advance(TimeSpan.FromMinutes(1));
        var renewed = await harness.Tokens.GetTokenAsync(platform, scopes);

        // expires_in 3600 less the 60 s refresh margin.
        Assert.Equal(start + TimeSpan.FromMinutes(59), first.RefreshAt);
        Assert.Same(first, stillCached);
        Assert.NotSame(first, renewed);
        Assert.Equal(2, harness.Recorder.TokenRequests);
    }

    [Fact]
    public async Task ScopeNarrowing_SingleCall_AsksOnlyTheScopeTheCallNeeds()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();

        await harness.Ags.ListResultsAsync(ags, demo.Urls.LineItemUrl("11")).ToListAsync();

        var form = ParseForm(Assert.Single(harness.Recorder.Requests, r => r.IsTokenRequest).Body!);
        Assert.Equal(LtiConstants.Scopes.ResultReadOnly, form[LtiConstants.OAuth.Scope]);
    }

    [Fact]
    public async Task ScopeNarrowing_DeclaredBatch_OneTokenWithOnlyOfferedNeededScopes()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = (await demo.AgsAsync()).Needing(LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly, "https://example.org/scope/not-offered");

        await harness.Ags.ListLineItemsAsync(ags).ToListAsync();
        await harness.Ags.ListResultsAsync(ags, demo.Urls.LineItemUrl("12")).ToListAsync();

        var form = ParseForm(Assert.Single(harness.Recorder.Requests, r => r.IsTokenRequest).Body!);
        Assert.Equal($"{LtiConstants.Scopes.LineItemReadOnly} {LtiConstants.Scopes.ResultReadOnly}", form[LtiConstants.OAuth.Scope]);
    }

    [Fact]
    public async Task ScopeNarrowing_ScopeNotOfferedByTheLaunch_RefusedWithoutAnyRequest()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var readOnly = (await demo.AgsAsync()) with { OfferedScopes = [LtiConstants.Scopes.LineItemReadOnly] };

        var error = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.PostScoreAsync(readOnly, demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId), Scores.For("4", demo.Tool.Time)));

        Assert.Equal(LtiServiceError.ScopeNotOffered, error.Error);
        Assert.Empty(harness.Recorder.Requests);
    }

    [Fact]
    public async Task Unauthorized_RevokedCachedToken_OneNewTokenAndOneRetry()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();
        await harness.Ags.GetLineItemAsync(ags, demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId));
        harness.Recorder.Clear();
        harness.Recorder.RevokeNextBearers(1);

        var item = await harness.Ags.GetLineItemAsync(ags, demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId));

        Assert.Equal("Practice panel", item.Label);
        Assert.Equal(1, harness.Recorder.TokenRequests);
        Assert.Equal(2, harness.Recorder.ServiceRequests.Count);
    }

    [Fact]
    public async Task Unauthorized_AgainWithTheFreshToken_StopsWithUnauthorized()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();
        harness.Recorder.RevokeNextBearers(5);

        var error = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.GetLineItemAsync(ags, demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId)));

        Assert.Equal(LtiServiceError.Unauthorized, error.Error);
        Assert.Equal(2, harness.Recorder.TokenRequests);
        Assert.Equal(2, harness.Recorder.ServiceRequests.Count);
    }

    [Fact]
    public async Task TokenEndpoint_InvalidScope_ClearErrorAndNoRetry()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var platform = await demo.PlatformAsync();

        var error = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Tokens.GetTokenAsync(platform, ScopeSet.Of(["https://example.org/scope/unknown"])));

        Assert.Equal(LtiServiceError.TokenRejected, error.Error);
        Assert.Equal(LtiConstants.OAuthResponses.InvalidScope, error.OAuthError);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Equal(1, harness.Recorder.TokenRequests);
    }

    [Fact]
    public async Task TokenEndpoint_InvalidClient_ClearErrorAndNoRetry()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var wrongClient = await demo.PlatformAsync() with { Id = 9001, ClientId = "not-the-demo-client" };

        var error = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Tokens.GetTokenAsync(wrongClient, ScopeSet.Of([LtiConstants.Scopes.Score])));

        Assert.Equal(LtiServiceError.TokenRejected, error.Error);
        Assert.Equal(LtiConstants.OAuthResponses.InvalidClient, error.OAuthError);
        Assert.DoesNotContain("eyJ", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Recorder.TokenRequests);
    }

    [Fact]
    public void AccessToken_ToString_NeverShowsTheToken()
    {
        var token = new ServiceAccessToken("secret-token-value", ScopeSet.Of([LtiConstants.Scopes.Score]), DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("secret-token-value", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLtiServices_DevelopmentHost_ResolvesClientsThatReachTheDemo()
    {
        var ags = demo.Tool.Services.GetRequiredService<AgsClient>();

        var items = await ags.ListLineItemsAsync(await demo.AgsAsync()).ToListAsync();

        Assert.Equal(demo.Gradebook.LineItems.Count, items.Count);
        Assert.NotNull(demo.Tool.Services.GetRequiredService<NrpsClient>());
    }

    internal static Dictionary<string, string> ParseForm(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')), StringComparer.Ordinal);
}
