using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using LtiTool.Lti;
using LtiTool.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace LtiTool.Tests.Hosting;

/// <summary>Health endpoints, the API's authentication, the error page and the error catalogue.</summary>
public sealed partial class HostingTests(ToolHostFixture fixture) : IClassFixture<ToolHostFixture>
{
    private static readonly Dictionary<string, (Func<HttpContent> Content, LtiError Expected)> Failures = new()
    {
        // More form fields than FormOptions allows: reading the login form throws inside the endpoint.
        ["unhandled exception"] = (() => new FormUrlEncodedContent(Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create("f" + i, "v"))), LtiErrors.Unexpected),
        ["body over the limit"] = (() => new FormUrlEncodedContent([KeyValuePair.Create("iss", new string('x', 2 * 1024 * 1024))]), LtiErrors.RequestTooLarge),
    };

    public static TheoryData<string, string> FailingRequests
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var environment in new[] { "Development", "Production" })
            {
                foreach (var failure in Failures.Keys)
                {
                    data.Add(environment, failure);
                }
            }

            return data;
        }
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_ProcessUpAndSchemaCurrent_200Healthy(string path)
    {
        using var client = fixture.Tool.NewClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_WithoutToken_401()
    {
        using var client = fixture.Tool.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/launch");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithForgedToken_401()
    {
        using var client = fixture.Tool.NewClient();
        await using var platform = await TestPlatform.StartAsync();
        var forged = platform.Sign(new Dictionary<string, object?> { ["iss"] = "edurec", ["exp"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds() });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/launch");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(FailingRequests))]
    public async Task ErrorPage_RequestFailsInsideTheTool_StableIdAndNoStackTrace(string environment, string failure)
    {
        var (content, expected) = Failures[failure];
        using var tool = new ToolHost(environment: environment);
        using var client = tool.NewClient();
        using var form = content();

        using var response = await client.PostAsync("/lti/login", form);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode)expected.StatusCode, response.StatusCode);
        Assert.Contains(expected.Id, body, StringComparison.Ordinal);
        AssertNoStackTrace(body);
    }

    [Fact]
    public async Task ErrorPage_ExpiredSession_StableIdAndNoStackTrace()
    {
        using var client = fixture.Tool.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/student?session=forged");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(LtiErrors.SessionExpired.Id, body, StringComparison.Ordinal);
        AssertNoStackTrace(body);
    }

    [Fact]
    public void LtiErrors_All_UniqueIdsOfTheFormLtiAndFourDigits()
    {
        var ids = LtiErrors.All.Select(e => e.Id).ToList();

        Assert.True(ids.Count >= 40, $"Only {ids.Count} errors found by reflection");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(ErrorId(), id));
        Assert.All(LtiErrors.All, e => Assert.InRange(e.StatusCode, 400, 599));
        Assert.All(LtiErrors.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Title) || string.IsNullOrWhiteSpace(e.Hint), e.Id));
    }

    [Theory]
    [InlineData("HS256", "LTI1003")]
    [InlineData("none", "LTI1003")]
    [InlineData("ES256", "LTI1003")]
    public void Start_DisallowedAlgorithmConfigured_FailsWithItsId(string algorithm, string errorId)
    {
        var settings = new Dictionary<string, string?> { ["Lti:AllowedAlgorithms:0"] = algorithm };

        var exception = Assert.ThrowsAny<Exception>(() => new ToolHost(settings));

        var validation = FindValidationException(exception);
        Assert.Contains(errorId, validation.Message, StringComparison.Ordinal);
        Assert.Contains(algorithm, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ExtraFrameAncestorNotHttps_FailsWithLti1004()
    {
        var settings = new Dictionary<string, string?> { ["Lti:ExtraFrameAncestors:0"] = "http://lms.example.edu" };

        var exception = Assert.ThrowsAny<Exception>(() => new ToolHost(settings));

        Assert.Contains("LTI1004", FindValidationException(exception).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LtiOptions_AlgorithmsNotConfigured_AcceptRs256Only()
    {
        var options = new LtiOptions();

        Assert.Equal(["RS256"], options.AcceptedAlgorithms);
    }

    [Fact]
    public void Start_AlgorithmsConfigured_ReplaceTheDefault()
    {
        using var tool = new ToolHost(new Dictionary<string, string?> { ["Lti:AllowedAlgorithms:0"] = "RS512" });

        Assert.Equal(["RS512"], tool.Service<Microsoft.Extensions.Options.IOptions<LtiOptions>>().Value.AcceptedAlgorithms);
    }

    [Fact]
    public async Task Api_UnknownPathWithoutToken_Unauthorized()
    {
        using var tool = new ToolHost();
        using var client = tool.NewClient();

        using var response = await client.GetAsync("/api/no-such-endpoint");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [GeneratedRegex(@"^LTI\d{4}$")]
    private static partial Regex ErrorId();

    private static OptionsValidationException FindValidationException(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is OptionsValidationException validation)
            {
                return validation;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner)
            {
                return inner;
            }
        }

        throw new Xunit.Sdk.XunitException($"No OptionsValidationException, got {exception.GetType().Name}: {exception.Message}");
    }

    private static void AssertNoStackTrace(string body)
    {
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.DoesNotContain("LtiTool.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore", body, StringComparison.Ordinal);
        Assert.DoesNotContain("stacktrace", body, StringComparison.OrdinalIgnoreCase);
    }
}
