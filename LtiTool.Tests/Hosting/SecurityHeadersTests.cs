using LtiTool.Lti.Platforms;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Hosting;

/// <summary>
/// Headers for pages inside LMS iframes (catalogue cases 65, 71, 73): CSP frame-ancestors limited to 'self' and the
/// registered platforms, nosniff, no referrer, no X-Frame-Options, no caching.
/// </summary>
public sealed class SecurityHeadersTests(RegisteredPlatformsFixture fixture) : IClassFixture<RegisteredPlatformsFixture>
{
    public static TheoryData<string> Pages => new(
        "/",
        "/lti/login",
        "/lti/login?iss=https%3A%2F%2Funknown.example&login_hint=x&target_link_uri=https%3A%2F%2Fevil.example%2F",
        "/student",
        "/student?session=forged",
        "/instructor",
        "/no-such-page",
        "/health/live",
        "/health/ready");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AnyResponse_CarriesIframeSecurityHeaders(string path)
    {
        using var client = fixture.Tool.NewClient();

        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        var frameAncestors = csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
        var sources = frameAncestors.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal("'self'", sources[0]);
        Assert.Contains(fixture.Platform.BaseUrl, sources);
        Assert.Contains(RegisteredPlatformsFixture.CanvasIssuer, sources);
        Assert.Contains(RegisteredPlatformsFixture.CanvasAuthOrigin, sources);
        Assert.DoesNotContain("*", sources);
        Assert.Equal(sources.Count, sources.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"), "X-Frame-Options would block every LMS but one");
        Assert.Contains("no-store", Header(response, "Cache-Control").Split(',', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task FrameAncestors_PlatformRegisteredLater_ListedAfterTheCacheRefresh()
    {
        using var tool = new ToolHost();
        using var client = tool.NewClient();
        const string origin = "https://moodle.school.example";
        using var first = await client.GetAsync("/");
        await tool.Platforms.AddAsync(new PlatformRegistration(origin, "moodle-client", origin + "/mod/lti/auth.php", origin + "/mod/lti/token.php", null, origin + "/mod/lti/certs.php", ["1"]));

        tool.Time.Advance(TimeSpan.FromSeconds(61));
        using var later = await client.GetAsync("/");

        Assert.DoesNotContain(origin, Header(first, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains($" {origin}", Header(later, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrameAncestors_PlatformUrlsWithPathsAndQueries_OnlyOriginsListed()
    {
        using var tool = new ToolHost();
        using var client = tool.NewClient();
        await tool.Platforms.AddAsync(new PlatformRegistration(
            "https://lms.example.edu/path;script-src *", "c", "https://auth.example.edu:8443/authorize?x='unsafe-inline'", "https://lms.example.edu/token", null, "https://lms.example.edu/jwks", ["1"]));

        using var response = await client.GetAsync("/");

        var csp = Header(response, "Content-Security-Policy");
        Assert.EndsWith("frame-ancestors 'self' https://lms.example.edu https://auth.example.edu:8443", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src *", csp, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
