using System.Net;
using System.Text.RegularExpressions;
using LtiTool.Lti;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Lti.Login;

/// <summary>
/// Third-party-initiated login (catalogue section A, cases 1–8 and 10; Security Framework §5.1.1.1–5.1.1.2): bad
/// logins store nothing, good ones redirect to the platform with every parameter of the authentication request.
/// </summary>
public sealed partial class LoginInitiationTests(RegisteredPlatformsFixture fixture) : IClassFixture<RegisteredPlatformsFixture>
{
    public static TheoryData<string> RequiredParameters => new(LtiConstants.LoginParameters.Issuer, LtiConstants.LoginParameters.LoginHint, LtiConstants.LoginParameters.TargetLinkUri);

    public static TheoryData<string, string?> UnregisteredPlatforms => new()
    {
        { "https://unknown-lms.example", TestPlatform.ClientId },
        { "https://unknown-lms.example", null },
        { "{issuer}", "unregistered-client" },
        { "{issuer}/", TestPlatform.ClientId },
    };

    // {tool} is the tool's base URL, {port} its port.
    public static TheoryData<string> ForeignTargets => new(
        "https://evil.example/x",
        "//evil.example/x",
        "javascript:alert(1)",
        "http://127.0.0.1:{port}@evil.example/",
        "http://evil.example@127.0.0.1:{port}/lti/launch",
        "https://127.0.0.1:{port}/lti/launch",
        "http://127.0.0.1:1/lti/launch",
        "/lti/launch",
        "data:text/html,<script>alert(1)</script>");

    [Theory]
    [MemberData(nameof(RequiredParameters))]
    public async Task Login_RequiredParameterMissing_Lti2001AndNothingStored(string parameter)
    {
        await AssertRejectedAndNothingStoredAsync(new Dictionary<string, string?> { [parameter] = null }, LtiErrors.LoginParameterMissing);
    }

    [Theory]
    [MemberData(nameof(UnregisteredPlatforms))]
    public async Task Login_UnregisteredPlatform_Lti2003AndNothingStored(string issuer, string? clientId)
    {
        var overrides = new Dictionary<string, string?>
        {
            [LtiConstants.LoginParameters.Issuer] = issuer.Replace("{issuer}", fixture.Platform.Issuer, StringComparison.Ordinal),
            [LtiConstants.LoginParameters.ClientId] = clientId,
        };

        await AssertRejectedAndNothingStoredAsync(overrides, LtiErrors.PlatformNotRegistered);
    }

    [Fact]
    public async Task Login_SeveralRegistrationsForIssuerWithoutClientId_Lti2004AndNothingStored()
    {
        await AssertRejectedAndNothingStoredAsync(new Dictionary<string, string?> { [LtiConstants.LoginParameters.ClientId] = null }, LtiErrors.PlatformAmbiguous);
    }

    [Fact]
    public async Task Login_DeploymentOfAnotherRegistration_Lti2005AndNothingStored()
    {
        // deployment-2 exists, but under the second client id: deployments are scoped to their registration.
        await AssertRejectedAndNothingStoredAsync(new Dictionary<string, string?> { [LtiConstants.LoginParameters.DeploymentId] = RegisteredPlatformsFixture.SecondDeploymentId }, LtiErrors.LoginDeploymentNotRegistered);
    }

    [Fact]
    public async Task Login_UnknownDeployment_Lti2005AndNothingStored()
    {
        await AssertRejectedAndNothingStoredAsync(new Dictionary<string, string?> { [LtiConstants.LoginParameters.DeploymentId] = "deployment-404" }, LtiErrors.LoginDeploymentNotRegistered);
    }

    [Theory]
    [MemberData(nameof(ForeignTargets))]
    public async Task Login_TargetLinkUriNotOnTheTool_Lti2006AndNeverRedirected(string target)
    {
        var port = new Uri(fixture.Tool.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var url = target.Replace("{port}", port, StringComparison.Ordinal);

        await AssertRejectedAndNothingStoredAsync(new Dictionary<string, string?> { [LtiConstants.LoginParameters.TargetLinkUri] = url }, LtiErrors.LoginTargetLinkUriInvalid);
    }

    [Theory]
    [InlineData(LtiConstants.LoginParameters.LoginHint)]
    [InlineData(LtiConstants.LoginParameters.LtiMessageHint)]
    public async Task Login_HintOf100KB_Lti2002AndNothingStored(string parameter)
    {
        // POST only: a 100 KB query string is already refused by Kestrel's request-line limit.
        var hint = new string('x', 100 * 1024);

        await AssertRejectedAndNothingStoredAsync(new Dictionary<string, string?> { [parameter] = hint }, LtiErrors.LoginParameterTooLong, viaGet: false);
    }

    [Fact]
    public async Task Login_GetAndPost_BothRedirectAlike()
    {
        using var browser = new LtiBrowser(fixture.Tool);

        var viaGet = await browser.LoginAsync(fixture.Platform);
        var viaPost = await browser.LoginAsync(fixture.Platform, post: true);

        Assert.Equal(HttpStatusCode.Redirect, viaGet.Status);
        Assert.Equal(HttpStatusCode.Redirect, viaPost.Status);
        Assert.Equal(viaGet.Location!.GetLeftPart(UriPartial.Path), viaPost.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal(WithoutPerLoginValues(viaGet.Query), WithoutPerLoginValues(viaPost.Query));
        Assert.NotNull(viaPost.Cookie);
    }

    [Fact]
    public async Task Login_Redirect_CarriesEveryAuthenticationRequestParameter()
    {
        const string loginHint = "student 7/ä+&=?#%";
        const string messageHint = "eyJhbGciOiJSUzI1NiJ9.eyJyZXNvdXJjZSI6InJsLTEifQ.sig+/=";
        using var browser = new LtiBrowser(fixture.Tool);

        var login = await browser.LoginAsync(fixture.Platform, new Dictionary<string, string?>
        {
            [LtiConstants.LoginParameters.LoginHint] = loginHint,
            [LtiConstants.LoginParameters.LtiMessageHint] = messageHint,
        });

        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        Assert.Equal(fixture.Platform.AuthUrl, login.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal("openid", login.Query["scope"]);
        Assert.Equal("id_token", login.Query["response_type"]);
        Assert.Equal("form_post", login.Query["response_mode"]);
        Assert.Equal("none", login.Query["prompt"]);
        Assert.Equal(TestPlatform.ClientId, login.Query["client_id"]);
        Assert.Equal(fixture.Tool.LaunchUrl, login.Query["redirect_uri"]);
        Assert.Equal(loginHint, login.Query["login_hint"]);
        Assert.Equal(messageHint, login.Query["lti_message_hint"]);
        Assert.False(string.IsNullOrEmpty(login.State));
        Assert.False(string.IsNullOrEmpty(login.Nonce));
        Assert.NotEqual(login.State, login.Nonce);
    }

    [Fact]
    public async Task Login_ThousandLogins_UniqueStatesAndNoncesOf256Bits()
    {
        var values = new List<string>();
        for (var batch = 0; batch < 100; batch++)
        {
            var logins = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            {
                using var browser = new LtiBrowser(fixture.Tool);
                return await browser.LoginAsync(fixture.Platform);
            }));
            values.AddRange(logins.SelectMany(l => new[] { l.State, l.Nonce }));
        }

        Assert.Equal(2000, values.Count);
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.Matches(Base64Url256Bits(), v));
    }

    [Fact]
    public async Task Login_StateCookie_HostPrefixedSecureCrossSiteHttpOnlyPartitionedAndShortLived()
    {
        using var client = fixture.Tool.NewClient();

        using var response = await LoginRequests.GetAsync(client, fixture.Tool, fixture.Platform);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries);
        Assert.StartsWith("__Host-", attributes[0], StringComparison.Ordinal);
        Assert.Contains("secure", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=none", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("httponly", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("partitioned", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("path=/", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.OrdinalIgnoreCase));
        var maxAge = attributes.Single(a => a.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(int.Parse(maxAge["max-age=".Length..], System.Globalization.CultureInfo.InvariantCulture), 60, 900);
    }

    [Fact]
    public async Task Login_WithStorageTarget_AnswersStoragePageNamingTargetOriginKeyAndContinueUrl()
    {
        using var browser = new LtiBrowser(fixture.Tool);

        var page = await PlatformStorageLogin.StartAsync(browser, fixture.Platform);

        Assert.Equal("put", page.Mode);
        Assert.Equal(PlatformStorageLogin.StorageTarget, page.Target);
        Assert.Equal(fixture.Platform.BaseUrl, page.Origin);
        Assert.NotEqual("*", page.Origin);
        Assert.Equal("edurec_binding_" + page.State, page.Key);
        Assert.Matches(Base64Url256Bits(), page.Secret);
        Assert.StartsWith(fixture.Platform.AuthUrl + "?", page.ContinueUrl, StringComparison.Ordinal);
        Assert.Equal(fixture.Tool.LaunchUrl, page.ContinueQuery["redirect_uri"]);
        Assert.Equal("/js/platform-storage.js", page.Script);
        Assert.DoesNotContain(page.Secret, page.ContinueUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_OverThePerClientRate_429WithRetryAfterAndLti2007()
    {
        using var tool = new ToolHost(new Dictionary<string, string?> { ["Lti:LoginsPerMinutePerClient"] = "3" });
        await using var platform = await TestPlatform.StartAsync();
        await platform.RegisterAsync(tool);
        using var client = tool.NewClient();
        var query = LoginRequests.Query(tool, platform);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(query);
            statuses.Add(allowed.StatusCode);
        }

        var storedBefore = await tool.LoginStateCountAsync();
        using var limited = await client.GetAsync(query);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After delay");
        Assert.Contains(LtiErrors.LoginRateLimited.Id, await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(storedBefore, await tool.LoginStateCountAsync());
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64Url256Bits();

    private static Dictionary<string, string> WithoutPerLoginValues(IReadOnlyDictionary<string, string> query) =>
        query.Where(p => p.Key is not "state" and not "nonce").ToDictionary(p => p.Key, p => p.Value);

    private async Task AssertRejectedAndNothingStoredAsync(Dictionary<string, string?> overrides, LtiError expected, bool viaGet = true)
    {
        using var client = fixture.Tool.NewClient();
        var before = await fixture.Tool.LoginStateCountAsync();

        var responses = new List<HttpResponseMessage> { await LoginRequests.PostAsync(client, fixture.Tool, fixture.Platform, overrides) };
        if (viaGet)
        {
            responses.Add(await LoginRequests.GetAsync(client, fixture.Tool, fixture.Platform, overrides));
        }

        foreach (var response in responses)
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(body.Contains(expected.Id, StringComparison.Ordinal), $"Expected {expected.Id}, got {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
                Assert.Equal((HttpStatusCode)expected.StatusCode, response.StatusCode);
                Assert.Null(response.Headers.Location);
                Assert.False(response.Headers.Contains("Set-Cookie"), "A rejected login set a cookie");
                Assert.DoesNotContain(overrides.Values.OfType<string>().Where(v => v.Length > 1000), v => body.Contains(v[..1000], StringComparison.Ordinal));
            }
        }

        Assert.Equal(before, await fixture.Tool.LoginStateCountAsync());
    }
}
