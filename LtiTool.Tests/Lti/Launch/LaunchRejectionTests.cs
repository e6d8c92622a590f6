using System.Security.Cryptography;
using System.Text;
using LtiTool.Lti;
using LtiTool.Tests.TestSupport;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Tests.Lti.Launch;

/// <summary>A tool with two registered platforms that only ever sees bad launches: nothing may be stored.</summary>
public sealed class RejectedLaunchFixture : IAsyncLifetime
{
    public ToolHost Tool { get; private set; } = default!;

    public TestPlatform Platform { get; private set; } = default!;

    public TestPlatform OtherPlatform { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Tool = new ToolHost();
        Platform = await TestPlatform.StartAsync();
        OtherPlatform = await TestPlatform.StartAsync();
        await Platform.RegisterAsync(Tool);
        await OtherPlatform.RegisterAsync(Tool);
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await OtherPlatform.DisposeAsync();
        await Tool.DisposeAsync();
    }
}

/// <summary>
/// Bad launches from sections B and C of reference/security-catalogue.md (case numbers in the names): each is
/// rejected with its stable error id, and no launch, session or used nonce is stored.
/// </summary>
public sealed class LaunchRejectionTests(RejectedLaunchFixture fixture) : IClassFixture<RejectedLaunchFixture>
{
    private static readonly Dictionary<string, (LtiError Error, Func<RejectedLaunchFixture, LaunchScenario, Task<HttpResponseMessage>> Attempt)> Cases = new()
    {
        // B. Cryptography.
        ["11 alg none"] = (LtiErrors.AlgorithmNotAllowed, (_, s) => s.LaunchAsync(sign: c => Unsigned(s, c, "none"))),
        ["11 alg None"] = (LtiErrors.AlgorithmNotAllowed, (_, s) => s.LaunchAsync(sign: c => Unsigned(s, c, "None"))),
        ["11 alg nOnE"] = (LtiErrors.AlgorithmNotAllowed, (_, s) => s.LaunchAsync(sign: c => Unsigned(s, c, "nOnE"))),
        ["12 HS256 with the public key as secret"] = (LtiErrors.AlgorithmNotAllowed, (_, s) => s.LaunchAsync(sign: c => HmacWithPublicKey(s, c))),
        ["13 RS512 by the platform key"] = (LtiErrors.AlgorithmNotAllowed, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, algorithm: "RS512"))),
        ["13 RS384 by the platform key"] = (LtiErrors.AlgorithmNotAllowed, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, algorithm: "RS384"))),
        ["14 no kid"] = (LtiErrors.KeyIdMissing, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, header: new Dictionary<string, object?> { ["kid"] = null }))),
        ["14 empty kid"] = (LtiErrors.KeyIdMissing, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, header: new Dictionary<string, object?> { ["kid"] = "" }))),
        ["15 unknown kid"] = (LtiErrors.KeyIdUnknown, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, header: new Dictionary<string, object?> { ["kid"] = "no-such-key" }))),
        ["16 kid path traversal"] = (LtiErrors.KeyIdUnknown, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, header: new Dictionary<string, object?> { ["kid"] = "../../../../dev/null" }))),
        ["16 kid SQL injection"] = (LtiErrors.KeyIdUnknown, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, header: new Dictionary<string, object?> { ["kid"] = "' OR '1'='1" }))),
        ["16 kid of 10 KB"] = (LtiErrors.KeyIdMissing, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, header: new Dictionary<string, object?> { ["kid"] = new string('k', 10_000) }))),
        ["17 jku to an attacker JWKS"] = (LtiErrors.SignatureInvalid, (_, s) => s.LaunchAsync(sign: c => AttackerSigned(s, c, "jku", "https://evil.example/jwks.json"))),
        ["17 x5u to an attacker certificate"] = (LtiErrors.SignatureInvalid, (_, s) => s.LaunchAsync(sign: c => AttackerSigned(s, c, "x5u", "https://evil.example/cert.pem"))),
        ["18 embedded jwk header"] = (LtiErrors.SignatureInvalid, (_, s) => s.LaunchAsync(sign: c => EmbeddedJwk(s, c))),
        ["20 key of another registered platform"] = (LtiErrors.KeyIdUnknown, (f, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, f.OtherPlatform.SigningKey))),
        ["21 signature bit flipped"] = (LtiErrors.SignatureInvalid, (_, s) => s.LaunchAsync(sign: c => FlipLastSignatureCharacter(s.Platform.Sign(c)))),
        ["21 payload changed after signing"] = (LtiErrors.SignatureInvalid, (_, s) => s.LaunchAsync(sign: c => ReplacePayload(s.Platform.Sign(c), c, "sub", "teacher-1"))),
        ["21 signature truncated"] = (LtiErrors.SignatureInvalid, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c)[..^10])),
        ["22 five-part JWE"] = (LtiErrors.IdTokenMalformed, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c) + ".x.y")),
        ["22 compressed zip header"] = (LtiErrors.IdTokenMalformed, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, header: new Dictionary<string, object?> { ["zip"] = "DEF" }))),
        ["22 not base64 JSON"] = (LtiErrors.IdTokenMalformed, (_, s) => s.LaunchAsync(sign: _ => "not-a.jwt.at-all")),
        ["23 oversized id_token"] = (LtiErrors.IdTokenTooLarge, (_, s) => s.LaunchAsync(claims: c => c["padding"] = new string('x', 70_000))),
        ["24 crit header"] = (LtiErrors.CriticalHeaderUnsupported, (_, s) => s.LaunchAsync(sign: c => s.Platform.Sign(c, header: new Dictionary<string, object?> { ["crit"] = new[] { "exp-ext" } }))),

        // C. Claims.
        ["27 iss with a trailing slash"] = (LtiErrors.IssuerMismatch, (_, s) => s.LaunchAsync(claims: c => c["iss"] = s.Platform.Issuer + "/")),
        ["27 iss in upper case"] = (LtiErrors.IssuerMismatch, (_, s) => s.LaunchAsync(claims: c => c["iss"] = s.Platform.Issuer.ToUpperInvariant())),
        ["27 iss of the other platform"] = (LtiErrors.IssuerMismatch, (f, s) => s.LaunchAsync(claims: c => c["iss"] = f.OtherPlatform.Issuer)),
        ["30 extra untrusted audience"] = (LtiErrors.AudienceUntrusted, (_, s) => s.LaunchAsync(claims: c => { c["aud"] = new[] { TestPlatform.ClientId, "untrusted" }; c["azp"] = TestPlatform.ClientId; })),
        ["31 several audiences without azp"] = (LtiErrors.AuthorizedPartyInvalid, (_, s) => s.LaunchAsync(claims: c => c["aud"] = new[] { TestPlatform.ClientId, "other" })),
        ["31 azp not the client id"] = (LtiErrors.AuthorizedPartyInvalid, (_, s) => s.LaunchAsync(claims: c => c["azp"] = "someone-else")),
        ["32 aud missing"] = (LtiErrors.AudienceInvalid, (_, s) => s.LaunchAsync(claims: c => c.Remove("aud"))),
        ["32 aud empty array"] = (LtiErrors.AudienceInvalid, (_, s) => s.LaunchAsync(claims: c => c["aud"] = Array.Empty<string>())),
        ["32 aud of another tool"] = (LtiErrors.AudienceInvalid, (_, s) => s.LaunchAsync(claims: c => c["aud"] = "another-tool")),
        ["33 expired beyond the leeway"] = (LtiErrors.TokenExpired, (_, s) => s.LaunchAsync(claims: c => c["exp"] = s.Tool.Time.GetUtcNow().AddSeconds(-61).ToUnixTimeSeconds())),
        ["33 exp missing"] = (LtiErrors.TokenTimestampInvalid, (_, s) => s.LaunchAsync(claims: c => c.Remove("exp"))),
        ["33 exp as a string"] = (LtiErrors.TokenTimestampInvalid, (_, s) => s.LaunchAsync(claims: c => c["exp"] = s.Tool.Time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ["33 exp negative"] = (LtiErrors.TokenTimestampInvalid, (_, s) => s.LaunchAsync(claims: c => c["exp"] = -5)),
        ["33 exp 1e308"] = (LtiErrors.TokenTimestampInvalid, (_, s) => s.LaunchAsync(claims: c => c["exp"] = 1e308)),
        ["34 iat five minutes ahead"] = (LtiErrors.TokenIssuedInFuture, (_, s) => s.LaunchAsync(claims: c => c["iat"] = s.Tool.Time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds())),
        ["34 iat older than the nonce window"] = (LtiErrors.TokenTooOld, (_, s) => s.LaunchAsync(claims: c => c["iat"] = s.Tool.Time.GetUtcNow().AddMinutes(-12).ToUnixTimeSeconds())),
        ["34 iat missing"] = (LtiErrors.TokenTimestampInvalid, (_, s) => s.LaunchAsync(claims: c => c.Remove("iat"))),
        ["35 nbf in the future"] = (LtiErrors.TokenNotYetValid, (_, s) => s.LaunchAsync(claims: c => c["nbf"] = s.Tool.Time.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds())),
        ["36 nonce missing"] = (LtiErrors.NonceMissing, (_, s) => s.LaunchAsync(claims: c => c.Remove("nonce"))),
        ["37 nonce not the login's"] = (LtiErrors.NonceMismatch, (_, s) => s.LaunchAsync(claims: c => c["nonce"] = "a-nonce-this-tool-never-issued")),
        ["40 state missing"] = (LtiErrors.StateMissing, (_, s) => s.LaunchAsync(state: _ => null)),
        ["40 state unknown"] = (LtiErrors.StateUnknown, (_, s) => s.LaunchAsync(state: _ => "forged-state")),
        ["41 state cookie absent"] = (LtiErrors.StateNotBoundToBrowser, (_, s) => s.LaunchAsync(cookie: _ => null)),
        ["41 state cookie from another browser"] = (LtiErrors.StateNotBoundToBrowser, (_, s) => s.LaunchAsync(cookie: l => l.Cookie!.Split('=')[0] + "=another-browsers-secret")),
        ["42 message_type missing"] = (LtiErrors.MessageTypeMissing, (_, s) => s.LaunchAsync(claims: c => c.Remove(LtiConstants.Claims.MessageType))),
        ["43 message_type unsupported"] = (LtiErrors.MessageTypeUnsupported, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.MessageType] = "LtiSubmissionReviewRequest")),
        ["44 deep-linking request without its settings"] = (LtiErrors.RequiredClaimMissing, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.DeepLinkingRequest)),
        ["45 version missing"] = (LtiErrors.VersionInvalid, (_, s) => s.LaunchAsync(claims: c => c.Remove(LtiConstants.Claims.Version))),
        ["45 version 1.3"] = (LtiErrors.VersionInvalid, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.Version] = "1.3")),
        ["45 version 3.0.0"] = (LtiErrors.VersionInvalid, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.Version] = "3.0.0")),
        ["45 version as a number"] = (LtiErrors.VersionInvalid, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.Version] = 1.3)),
        ["46 deployment_id missing"] = (LtiErrors.DeploymentMissing, (_, s) => s.LaunchAsync(claims: c => c.Remove(LtiConstants.Claims.DeploymentId))),
        ["47 deployment_id unknown"] = (LtiErrors.DeploymentUnknown, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.DeploymentId] = "deployment-404", login: NoDeploymentAtLogin)),
        ["48 deployment_id differs from the login's"] = (LtiErrors.DeploymentMismatch, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.DeploymentId] = "deployment-404")),
        ["48 deployment_id over 255 characters"] = (LtiErrors.ClaimInvalid, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.DeploymentId] = new string('d', 256))),
        ["49 resource_link missing"] = (LtiErrors.RequiredClaimMissing, (_, s) => s.LaunchAsync(claims: c => c.Remove(LtiConstants.Claims.ResourceLink))),
        ["49 resource_link id over 255 characters"] = (LtiErrors.ClaimInvalid, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.ResourceLink] = new Dictionary<string, object?> { ["id"] = new string('r', 256) })),
        ["50 roles missing"] = (LtiErrors.RequiredClaimMissing, (_, s) => s.LaunchAsync(claims: c => c.Remove(LtiConstants.Claims.Roles))),
        ["52 sub missing"] = (LtiErrors.RequiredClaimMissing, (_, s) => s.LaunchAsync(claims: c => c.Remove("sub"))),
        ["54 target_link_uri on another host"] = (LtiErrors.TargetLinkUriInvalid, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.TargetLinkUri] = "https://evil.example/lti/launch")),
        ["54 target_link_uri differs from the login"] = (LtiErrors.TargetLinkUriInvalid, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.TargetLinkUri] = s.Tool.BaseUrl + "/student")),
        ["57 roles array over the cap"] = (LtiErrors.ClaimInvalid, (_, s) => s.LaunchAsync(claims: c => c[LtiConstants.Claims.Roles] = Enumerable.Repeat(LtiConstants.Roles.Learner, 150).ToArray())),
        ["57 duplicate iss keys"] = (LtiErrors.IdTokenMalformed, (_, s) => s.LaunchAsync(sign: c => DuplicateIssuer(s, c))),
    };

    private static readonly Dictionary<string, string?> NoDeploymentAtLogin = new() { ["lti_deployment_id"] = null };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Launch_BadInput_RejectedWithStableIdAndNothingStored(string caseName)
    {
        var (error, attempt) = Cases[caseName];
        var scenario = new LaunchScenario(fixture.Tool, fixture.Platform);

        using var response = await attempt(fixture, scenario);

        await LaunchScenario.AssertRejectedAsync(response, error);
        Assert.Equal(0, await fixture.Tool.LaunchCountAsync());
    }

    [Fact]
    public async Task Launch_StateUsedTwice_SecondRejectedAsAlreadyUsed()
    {
        using var browser = new LtiBrowser(fixture.Tool);
        var login = await browser.LoginAsync(fixture.Platform);
        var token = fixture.Platform.Sign(fixture.Platform.ResourceLinkClaims("wrong-nonce", fixture.Tool.LaunchUrl, fixture.Tool.Time.GetUtcNow()));

        using var first = await browser.LaunchAsync(token, login.State, login.Cookie);
        using var second = await browser.LaunchAsync(token, login.State, login.Cookie);

        await LaunchScenario.AssertRejectedAsync(first, LtiErrors.NonceMismatch);
        await LaunchScenario.AssertRejectedAsync(second, LtiErrors.StateAlreadyUsed);
    }

    [Fact]
    public async Task Launch_StateExpired_RejectedAsUnknown()
    {
        using var browser = new LtiBrowser(fixture.Tool);
        var login = await browser.LoginAsync(fixture.Platform);
        // The fixture's clock only moves forward; every token here is minted on the tool's clock, so later tests are unaffected.
        fixture.Tool.Time.Advance(TimeSpan.FromMinutes(11));
        var claims = fixture.Platform.ResourceLinkClaims(login.Nonce, fixture.Tool.LaunchUrl, fixture.Tool.Time.GetUtcNow());
        using var response = await browser.LaunchAsync(fixture.Platform.Sign(claims), login.State, login.Cookie);
        await LaunchScenario.AssertRejectedAsync(response, LtiErrors.StateUnknown);
    }

    [Fact]
    public async Task Launch_CookieBlockedWithoutPlatformStorage_OffersNewWindowLogin()
    {
        var scenario = new LaunchScenario(fixture.Tool, fixture.Platform);

        using var response = await scenario.LaunchAsync(cookie: _ => null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Open in a new window", body, StringComparison.Ordinal);
        Assert.Contains("target=\"_blank\"", body, StringComparison.Ordinal);
        Assert.Contains("/lti/login?iss=", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_UnknownKid_RefetchesJwksOnceThenRejects()
    {
        var scenario = new LaunchScenario(fixture.Tool, fixture.Platform);
        using (await scenario.LaunchAsync(sign: c => fixture.Platform.Sign(c, header: new Dictionary<string, object?> { ["kid"] = "warm-up-unknown" })))
        {
        }

        fixture.Tool.Time.Advance(TimeSpan.FromSeconds(31));
        var before = fixture.Platform.JwksRequests;
        using var first = await scenario.LaunchAsync(sign: c => fixture.Platform.Sign(c, header: new Dictionary<string, object?> { ["kid"] = "rotated-away" }));
        using var second = await scenario.LaunchAsync(sign: c => fixture.Platform.Sign(c, header: new Dictionary<string, object?> { ["kid"] = "rotated-away-too" }));

        await LaunchScenario.AssertRejectedAsync(first, LtiErrors.KeyIdUnknown);
        await LaunchScenario.AssertRejectedAsync(second, LtiErrors.KeyIdUnknown);
        // One refetch for the first unknown kid; the second falls inside the rate limit and is answered from cache.
        Assert.Equal(before + 1, fixture.Platform.JwksRequests);
    }

    [Fact]
    public async Task Launch_MissingKidWithSeveralPublishedKeys_Rejected()
    {
        var extra = TestPlatform.NewKey();
        fixture.Platform.Publish(extra);
        try
        {
            var scenario = new LaunchScenario(fixture.Tool, fixture.Platform);
            using var response = await scenario.LaunchAsync(sign: c => fixture.Platform.Sign(c, extra, new Dictionary<string, object?> { ["kid"] = null }));
            await LaunchScenario.AssertRejectedAsync(response, LtiErrors.KeyIdMissing);
        }
        finally
        {
            fixture.Platform.Unpublish(extra);
        }
    }

    [Fact]
    public async Task Launch_WeakPlatformKeyInJwks_KeySkippedAndLaunchRejected()
    {
        var weak = TestPlatform.NewKey(1024);
        fixture.Platform.Publish(weak);
        // Past the JWKS cache time, so the next launch fetches the set that now holds the weak key (catalogue case 26).
        fixture.Tool.Time.Advance(TimeSpan.FromHours(2));
        try
        {
            var scenario = new LaunchScenario(fixture.Tool, fixture.Platform);
            using var response = await scenario.LaunchAsync(sign: c => fixture.Platform.Sign(c, weak));
            await LaunchScenario.AssertRejectedAsync(response, LtiErrors.KeyIdUnknown);
        }
        finally
        {
            fixture.Platform.Unpublish(weak);
        }
    }

    private static string Unsigned(LaunchScenario scenario, Dictionary<string, object?> claims, string algorithm) =>
        TestPlatform.Assemble(new Dictionary<string, object?> { ["alg"] = algorithm, ["typ"] = "JWT", ["kid"] = scenario.Platform.SigningKey.Kid }, claims, string.Empty);

    // The RS→HS confusion attack: HMAC keyed with the platform's public key in PEM form (catalogue case 12).
    private static string HmacWithPublicKey(LaunchScenario scenario, Dictionary<string, object?> claims)
    {
        var header = new Dictionary<string, object?> { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = scenario.Platform.SigningKey.Kid };
        var signingInput = TestPlatform.Encode(header) + "." + TestPlatform.Encode(claims);
        var secret = Encoding.ASCII.GetBytes(scenario.Platform.SigningKey.Rsa.ExportSubjectPublicKeyInfoPem());
        return signingInput + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));
    }

    // Signed by a key the attacker owns, naming the platform's kid and pointing at the attacker's key material.
    private static string AttackerSigned(LaunchScenario scenario, Dictionary<string, object?> claims, string header, string url)
    {
        var attacker = TestPlatform.NewKey();
        return scenario.Platform.Sign(claims, attacker, new Dictionary<string, object?> { ["kid"] = scenario.Platform.SigningKey.Kid, [header] = url });
    }

    private static string EmbeddedJwk(LaunchScenario scenario, Dictionary<string, object?> claims)
    {
        var attacker = TestPlatform.NewKey();
        return scenario.Platform.Sign(claims, attacker, new Dictionary<string, object?> { ["kid"] = scenario.Platform.SigningKey.Kid, ["jwk"] = attacker.PublicJwk() });
    }

    private static string FlipLastSignatureCharacter(string token) =>
        token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

    private static string ReplacePayload(string token, Dictionary<string, object?> claims, string name, object value)
    {
        var parts = token.Split('.');
        claims[name] = value;
        return parts[0] + "." + TestPlatform.Encode(claims) + "." + parts[2];
    }

    private static string DuplicateIssuer(LaunchScenario scenario, Dictionary<string, object?> claims)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(claims);
        var duplicated = "{\"iss\":\"https://evil.example\"," + json[1..];
        var header = TestPlatform.Encode(new Dictionary<string, object?> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = scenario.Platform.SigningKey.Kid });
        var signingInput = header + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(duplicated));
        var signature = scenario.Platform.SigningKey.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }
}
