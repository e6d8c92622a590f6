using System.Text.Json;
using LtiTool.Lti;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Tests.Demo;

public sealed class DemoPlatformTests(DemoLmsFixture lms) : IClassFixture<DemoLmsFixture>
{
    [Fact]
    public async Task Jwks_publishes_one_public_RS256_signing_key_cacheable_for_five_minutes()
    {
        using var response = await lms.Client.GetAsync(new Uri(lms.Urls.JwksUrl));
        response.EnsureSuccessStatusCode();
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl?.MaxAge);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var key = Assert.Single(json.RootElement.GetProperty("keys").EnumerateArray());
        var members = key.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["alg", "e", "kid", "kty", "n", "use"], members);
        Assert.Equal(lms.Platform.SigningKey.KeyId, key.GetProperty("kid").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal(256, Base64UrlEncoder.DecodeBytes(key.GetProperty("n").GetString()).Length);
    }

    [Fact]
    public async Task Signed_resource_link_id_token_validates_against_the_served_jwks_and_carries_every_required_claim()
    {
        var course = lms.Services.GetService(typeof(LtiTool.Demo.DemoCourse)) as LtiTool.Demo.DemoCourse;
        var student = course!.Students[0];
        var claims = lms.Platform.CreateLaunchClaims(student, LtiTool.Demo.DemoMessageKind.ResourceLink, "nonce-1", lms.Urls.ToolLaunchUrl);

        var token = await ValidateAsync(lms.Platform.SignIdToken(claims));

        Assert.Equal(lms.Platform.SigningKey.KeyId, token.Kid);
        Assert.Equal(lms.Platform.Issuer, token.Issuer);
        Assert.Equal(lms.Platform.ClientId, Assert.Single(token.Audiences));
        Assert.Equal(student.Id, token.Subject);
        Assert.Equal("nonce-1", token.GetClaim(LtiConstants.Claims.Nonce).Value);
        Assert.Equal(LtiConstants.MessageTypes.ResourceLinkRequest, token.GetClaim(LtiConstants.Claims.MessageType).Value);
        Assert.Equal(LtiConstants.LtiVersion, token.GetClaim(LtiConstants.Claims.Version).Value);
        Assert.Equal(lms.Platform.DeploymentId, token.GetClaim(LtiConstants.Claims.DeploymentId).Value);
        Assert.Equal(lms.Urls.ToolLaunchUrl, token.GetClaim(LtiConstants.Claims.TargetLinkUri).Value);
        Assert.Equal(LtiConstants.Roles.Learner, token.GetPayloadValue<string[]>(LtiConstants.Claims.Roles).Single());
        Assert.Equal("1", token.GetPayloadValue<JsonElement>(LtiConstants.Claims.ResourceLink).GetProperty("id").GetString());
        Assert.Equal("2", token.GetPayloadValue<JsonElement>(LtiConstants.Claims.Context).GetProperty("id").GetString());
        Assert.True(token.TryGetPayloadValue<JsonElement>(LtiConstants.Claims.ToolPlatform, out _));
        Assert.True(token.TryGetPayloadValue<JsonElement>(LtiConstants.Claims.LaunchPresentation, out _));
        Assert.True(token.TryGetPayloadValue<JsonElement>(LtiConstants.Claims.Custom, out _));
        var ags = token.GetPayloadValue<JsonElement>(LtiConstants.Claims.AgsEndpoint);
        Assert.Contains(LtiConstants.Scopes.Score, ags.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(lms.Urls.LineItemsUrl, ags.GetProperty("lineitems").GetString());
        Assert.Equal(lms.Urls.LineItemUrl("10"), ags.GetProperty("lineitem").GetString());
        var nrps = token.GetPayloadValue<JsonElement>(LtiConstants.Claims.NrpsService);
        Assert.Equal(lms.Urls.MembershipsUrl, nrps.GetProperty("context_memberships_url").GetString());
        Assert.True(token.ValidTo - token.IssuedAt <= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Deep_linking_id_token_has_settings_with_the_return_url_and_no_resource_link()
    {
        var course = (LtiTool.Demo.DemoCourse)lms.Services.GetService(typeof(LtiTool.Demo.DemoCourse))!;
        var claims = lms.Platform.CreateLaunchClaims(course.Instructor, LtiTool.Demo.DemoMessageKind.DeepLinking, "nonce-2", lms.Urls.ToolLaunchUrl, deepLinkData: "opaque");

        var token = await ValidateAsync(lms.Platform.SignIdToken(claims));

        Assert.Equal(LtiConstants.MessageTypes.DeepLinkingRequest, token.GetClaim(LtiConstants.Claims.MessageType).Value);
        Assert.Equal(LtiConstants.Roles.Instructor, token.GetPayloadValue<string[]>(LtiConstants.Claims.Roles).Single());
        var settings = token.GetPayloadValue<JsonElement>(LtiConstants.Claims.DeepLinkingSettings);
        Assert.Equal(lms.Urls.DeepLinkReturnUrl, settings.GetProperty("deep_link_return_url").GetString());
        Assert.Equal("opaque", settings.GetProperty("data").GetString());
        Assert.False(token.TryGetPayloadValue<JsonElement>(LtiConstants.Claims.ResourceLink, out _));
        Assert.False(token.GetPayloadValue<JsonElement>(LtiConstants.Claims.AgsEndpoint).TryGetProperty("lineitem", out _));
    }

    [Fact]
    public async Task Tampered_claims_and_kid_overrides_are_signed_as_asked()
    {
        var course = (LtiTool.Demo.DemoCourse)lms.Services.GetService(typeof(LtiTool.Demo.DemoCourse))!;
        var claims = lms.Platform.CreateLaunchClaims(course.Students[1], LtiTool.Demo.DemoMessageKind.ResourceLink, "n", lms.Urls.ToolLaunchUrl);
        claims[LtiConstants.Claims.Version] = "1.1";

        var otherKid = new JsonWebToken(lms.Platform.SignIdToken(claims, keyId: "not-published"));
        var noKid = new JsonWebToken(lms.Platform.SignIdToken(claims, omitKeyId: true));

        Assert.Equal("not-published", otherKid.Kid);
        Assert.Equal("1.1", otherKid.GetClaim(LtiConstants.Claims.Version).Value);
        Assert.False(noKid.TryGetHeaderValue<string>("kid", out _));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ValidateAsync(lms.Platform.SignIdToken(claims, keyId: "not-published")));
    }

    private async Task<JsonWebToken> ValidateAsync(string idToken)
    {
        var jwks = new JsonWebKeySet(await lms.Client.GetStringAsync(new Uri(lms.Urls.JwksUrl)));
        var header = new JsonWebToken(idToken);
        var key = jwks.Keys.SingleOrDefault(k => k.Kid == header.Kid) ?? throw new InvalidOperationException("kid not in the JWKS");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidIssuer = lms.Platform.Issuer,
            ValidAudience = lms.Platform.ClientId,
            ValidAlgorithms = ["RS256"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
