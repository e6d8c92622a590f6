using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LtiTool.Lti;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Lti.Launch;

public sealed class AcceptedLaunchFixture : IAsyncLifetime
{
    public ToolHost Tool { get; private set; } = default!;

    public TestPlatform Platform { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Tool = new ToolHost();
        Platform = await TestPlatform.StartAsync();
        await Platform.RegisterAsync(Tool);
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Tool.DisposeAsync();
    }
}

/// <summary>Valid launches and their variants (catalogue cases 28–29, 33, 51, 53, 55–56, 38–39, 59, 71, 109).</summary>
public sealed class LaunchAcceptanceTests(AcceptedLaunchFixture fixture) : IClassFixture<AcceptedLaunchFixture>
{
    private LaunchScenario Scenario => new(fixture.Tool, fixture.Platform);

    [Fact]
    public async Task Launch_Learner_RedirectsToStudentPanelShowingTheLaunch()
    {
        using var response = await Scenario.LaunchAsync();

        var page = await FollowAsync(response, "/student");
        Assert.Contains("Ada Lovelace", page, StringComparison.Ordinal);
        Assert.Contains("Algebra I", page, StringComparison.Ordinal);
        Assert.Contains("Practice panel", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_Instructor_RedirectsToDashboard()
    {
        using var response = await Scenario.LaunchAsync(claims: c => c[LtiConstants.Claims.Roles] = new[] { LtiConstants.Roles.Instructor });

        var page = await FollowAsync(response, "/instructor");
        Assert.Contains("Class overview", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_ShortInstructorRoleName_TreatedAsInstructor()
    {
        using var response = await Scenario.LaunchAsync(claims: c => c[LtiConstants.Claims.Roles] = new[] { "Instructor" });

        await FollowAsync(response, "/instructor");
    }

    [Fact]
    public async Task Launch_EmptyOrUnknownRoles_LeastPrivilegeLearner()
    {
        using var empty = await Scenario.LaunchAsync(claims: c => c[LtiConstants.Claims.Roles] = Array.Empty<string>());
        using var unknown = await Scenario.LaunchAsync(claims: c => c[LtiConstants.Claims.Roles] = new[] { "http://example.com/role#Wizard" });

        await FollowAsync(empty, "/student");
        await FollowAsync(unknown, "/student");
    }

    [Fact]
    public async Task Launch_LearnerSessionOnInstructorPage_Forbidden()
    {
        using var response = await Scenario.LaunchAsync();
        var location = response.Headers.Location!.OriginalString;
        var session = location[location.IndexOf('?', StringComparison.Ordinal)..];

        using var client = fixture.Tool.NewClient();
        using var page = await client.GetAsync("/instructor" + session);

        await LaunchScenario.AssertRejectedAsync(page, LtiErrors.SessionWrongPage);
    }

    [Fact]
    public async Task Launch_DeepLinkingRequestByInstructor_OpensContentPicker()
    {
        using var response = await Scenario.LaunchAsync(claims: c =>
        {
            c[LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.DeepLinkingRequest;
            c[LtiConstants.Claims.Roles] = new[] { LtiConstants.Roles.Instructor };
            c.Remove(LtiConstants.Claims.ResourceLink);
            c[LtiConstants.Claims.DeepLinkingSettings] = new Dictionary<string, object?>
            {
                ["deep_link_return_url"] = fixture.Platform.BaseUrl + "/deep-link-return?data=abc",
                ["accept_types"] = new[] { "ltiResourceLink" },
                ["accept_presentation_document_targets"] = new[] { "iframe", "window" },
                ["accept_multiple"] = true,
                ["data"] = "opaque-platform-data",
            };
        });

        var page = await FollowAsync(response, "/deep-linking");
        Assert.Contains("value=\"panel\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_DeepLinkingRequestByLearner_Forbidden()
    {
        using var response = await Scenario.LaunchAsync(claims: c =>
        {
            c[LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.DeepLinkingRequest;
            c.Remove(LtiConstants.Claims.ResourceLink);
            c[LtiConstants.Claims.DeepLinkingSettings] = new Dictionary<string, object?>
            {
                ["deep_link_return_url"] = fixture.Platform.BaseUrl + "/return",
                ["accept_types"] = new[] { "ltiResourceLink" },
                ["accept_presentation_document_targets"] = new[] { "iframe" },
            };
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var client = fixture.Tool.NewClient();
        using var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        await LaunchScenario.AssertRejectedAsync(page, LtiErrors.SessionWrongPage);
    }

    [Fact]
    public async Task Launch_AudienceArrayWithClientId_Accepted()
    {
        using var response = await Scenario.LaunchAsync(claims: c => c["aud"] = new[] { TestPlatform.ClientId });

        await FollowAsync(response, "/student");
    }

    [Fact]
    public async Task Launch_FractionalNumericDates_Accepted()
    {
        var now = fixture.Tool.Time.GetUtcNow().ToUnixTimeSeconds();
        using var response = await Scenario.LaunchAsync(claims: c =>
        {
            c["exp"] = now + 300.5;
            c["iat"] = now - 0.25;
        });

        await FollowAsync(response, "/student");
    }

    [Fact]
    public async Task Launch_WithinClockSkew_Accepted()
    {
        var now = fixture.Tool.Time.GetUtcNow();
        using var response = await Scenario.LaunchAsync(claims: c =>
        {
            c["exp"] = now.AddSeconds(-30).ToUnixTimeSeconds();
            c["iat"] = now.AddSeconds(45).ToUnixTimeSeconds();
        });

        await FollowAsync(response, "/student");
    }

    [Fact]
    public async Task Launch_NoPersonalDataNoContextUnknownClaimsOddCustom_AcceptedWithNeutralName()
    {
        using var response = await Scenario.LaunchAsync(claims: c =>
        {
            c.Remove(LtiConstants.Claims.Name);
            c.Remove(LtiConstants.Claims.Context);
            c["https://www.example.com/extension"] = new Dictionary<string, object?> { ["anything"] = 1 };
            c[LtiConstants.Claims.Custom] = new Dictionary<string, object?> { ["n"] = 5, ["o"] = new Dictionary<string, object?>(), ["x"] = null, ["canvas_user"] = "$Canvas.user.id" };
        });

        var page = await FollowAsync(response, "/student");
        Assert.Contains("Student", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Lovelace", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_MarkupInClaims_RenderedInert()
    {
        using var response = await Scenario.LaunchAsync(claims: c =>
        {
            c[LtiConstants.Claims.Name] = "\"><img src=x onerror=alert(1)>";
            c[LtiConstants.Claims.Context] = new Dictionary<string, object?> { ["id"] = "'; DROP TABLE launches;--", ["title"] = "<script>alert(1)</script>" };
        });

        var page = await FollowAsync(response, "/student");
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_SameTokenWithAFreshLogin_RejectedAsReplayed()
    {
        using var browser = new LtiBrowser(fixture.Tool);
        var login = await browser.LoginAsync(fixture.Platform);
        var token = fixture.Platform.Sign(fixture.Platform.ResourceLinkClaims(login.Nonce, fixture.Tool.LaunchUrl, fixture.Tool.Time.GetUtcNow()));
        using var first = await browser.LaunchAsync(token, login.State, login.Cookie);
        var launches = await fixture.Tool.LaunchCountAsync();

        var secondLogin = await browser.LoginAsync(fixture.Platform);
        using var replay = await browser.LaunchAsync(token, secondLogin.State, secondLogin.Cookie);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await LaunchScenario.AssertRejectedAsync(replay, LtiErrors.NonceReplayed);
        Assert.Equal(launches, await fixture.Tool.LaunchCountAsync());
    }

    [Fact]
    public async Task Launch_SameFormPostedConcurrently_ExactlyOneSucceeds()
    {
        using var browser = new LtiBrowser(fixture.Tool);
        var login = await browser.LoginAsync(fixture.Platform);
        var token = fixture.Platform.Sign(fixture.Platform.ResourceLinkClaims(login.Nonce, fixture.Tool.LaunchUrl, fixture.Tool.Time.GetUtcNow()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => browser.LaunchAsync(token, login.State, login.Cookie)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Launch_PlatformRotatedItsKey_NewKidAcceptedAfterOneRefetch()
    {
        using (await Scenario.LaunchAsync())
        {
        }

        fixture.Platform.Rotate();
        fixture.Tool.Time.Advance(TimeSpan.FromSeconds(31));

        using var response = await Scenario.LaunchAsync();

        await FollowAsync(response, "/student");
    }

    [Fact]
    public async Task ToolApi_PageToken_AuthorisesLaunchSummary()
    {
        using var response = await Scenario.LaunchAsync();
        var page = await FollowAsync(response, "/student");
        var token = ExtractApiToken(page);
        using var client = fixture.Tool.NewClient();

        using var anonymous = await client.GetAsync("/api/launch");
        using var tampered = await GetWithBearerAsync(client, token[..^4] + "AAAA");
        using var authorised = await GetWithBearerAsync(client, token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        using var summary = JsonDocument.Parse(await authorised.Content.ReadAsStringAsync());
        Assert.Equal("Ada Lovelace", summary.RootElement.GetProperty("displayName").GetString());
        Assert.Equal("Learner", summary.RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task ToolSession_AfterItsLifetime_Expired()
    {
        using var response = await Scenario.LaunchAsync();
        var location = response.Headers.Location!.OriginalString;
        // The fixture's clock only moves forward; every token here is minted on the tool's clock, so later tests are unaffected.
        fixture.Tool.Time.Advance(TimeSpan.FromMinutes(61));
        using var client = fixture.Tool.NewClient();
        using var page = await client.GetAsync(location);
        await LaunchScenario.AssertRejectedAsync(page, LtiErrors.SessionExpired);
    }

    private async Task<string> FollowAsync(HttpResponseMessage launchResponse, string expectedPath)
    {
        var body = await launchResponse.Content.ReadAsStringAsync();
        Assert.True(launchResponse.StatusCode == HttpStatusCode.Redirect, $"Launch was not accepted: {(int)launchResponse.StatusCode} {body[..Math.Min(body.Length, 600)]}");
        var location = launchResponse.Headers.Location!.OriginalString;
        Assert.StartsWith(expectedPath + "?session=", location, StringComparison.Ordinal);
        using var client = fixture.Tool.NewClient();
        using var page = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    private static string ExtractApiToken(string page)
    {
        const string marker = "data-api-token=\"";
        var start = page.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return page[start..page.IndexOf('"', start)];
    }

    private static Task<HttpResponseMessage> GetWithBearerAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/launch");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client.SendAsync(request);
    }
}
