using System.Net;
using System.Net.Http.Json;
using LtiTool.Lti;
using LtiTool.Lti.Http;
using LtiTool.Lti.Keys;
using LtiTool.Lti.Platforms;
using LtiTool.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LtiTool.Tests.Lti.Keys;

/// <summary>
/// Platform public keys (catalogue cases 94 and 109; Security Framework §6.3–6.4): the last good set survives a
/// failing or empty JWKS, redirects are not followed, and a JWKS URL that is not https is never fetched.
/// </summary>
public sealed class PlatformKeyCacheTests
{
    [Fact]
    public async Task KeyCache_JwksAnswers500WithWarmCache_LaunchesStillVerified()
    {
        using var tool = new ToolHost();
        await using var platform = await TestPlatform.StartAsync();
        await platform.RegisterAsync(tool);
        var scenario = new LaunchScenario(tool, platform);
        using var warm = await scenario.LaunchAsync();
        platform.JwksFailure = HttpStatusCode.InternalServerError;
        // Past the JWKS max-age of 300 s, so the next launch tries to refresh and gets the 500.
        tool.Time.Advance(TimeSpan.FromMinutes(6));
        var requestsBefore = platform.JwksRequests;

        using var launch = await scenario.LaunchAsync();

        Assert.Equal(HttpStatusCode.Redirect, warm.StatusCode);
        Assert.Equal(requestsBefore + 1, platform.JwksRequests);
        Assert.Equal(HttpStatusCode.Redirect, launch.StatusCode);
        Assert.StartsWith("/student?session=", launch.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyCache_JwksAnswers500WithColdCache_KeysUnavailable()
    {
        using var tool = new ToolHost();
        await using var platform = await TestPlatform.StartAsync();
        var registered = await platform.RegisterAsync(tool);
        platform.JwksFailure = HttpStatusCode.InternalServerError;

        var lookup = await tool.Service<PlatformKeyCache>().FindKeyAsync(registered, platform.SigningKey.Kid, CancellationToken.None);

        Assert.Null(lookup.Key);
        Assert.Equal(LtiErrors.PlatformKeysUnavailable, lookup.Error);
    }

    [Fact]
    public async Task KeyCache_EmptyKeySetAfterGoodOne_GoodKeysKept()
    {
        using var tool = new ToolHost();
        await using var jwks = await StubHttpServer.StartAsync();
        var key = TestPlatform.NewKey();
        jwks.Respond = _ => StubHttpServer.Jwks(key);
        var platform = await RegisterAsync(tool, jwks.BaseUrl + "/jwks.json");
        var cache = tool.Service<PlatformKeyCache>();
        var warm = await cache.FindKeyAsync(platform, key.Kid, CancellationToken.None);
        jwks.Respond = _ => Results.Json(new { keys = Array.Empty<object>() });
        tool.Time.Advance(TimeSpan.FromMinutes(11));

        var afterExpiry = await cache.FindKeyAsync(platform, key.Kid, CancellationToken.None);
        tool.Time.Advance(TimeSpan.FromMinutes(1));
        var unknownKid = await cache.FindKeyAsync(platform, "rotated-in", CancellationToken.None);
        var afterUnknownKid = await cache.FindKeyAsync(platform, key.Kid, CancellationToken.None);

        Assert.Equal(key.Kid, warm.Key?.KeyId);
        Assert.Equal(key.Kid, afterExpiry.Key?.KeyId);
        Assert.Equal(LtiErrors.KeyIdUnknown, unknownKid.Error);
        Assert.Equal(key.Kid, afterUnknownKid.Key?.KeyId);
        Assert.Equal(3, jwks.Requests);
    }

    [Fact]
    public async Task KeyCache_JwksRedirects_RedirectNotFollowed()
    {
        using var tool = new ToolHost();
        await using var platform = await TestPlatform.StartAsync();
        await using var redirector = await StubHttpServer.StartAsync();
        redirector.Respond = _ => Results.Redirect(platform.JwksUrl);
        var registered = await RegisterAsync(tool, redirector.BaseUrl + "/jwks.json");

        var lookup = await tool.Service<PlatformKeyCache>().FindKeyAsync(registered, platform.SigningKey.Kid, CancellationToken.None);

        Assert.Equal(1, redirector.Requests);
        Assert.Equal(0, platform.JwksRequests);
        Assert.Null(lookup.Key);
        Assert.Equal(LtiErrors.PlatformKeysUnavailable, lookup.Error);
    }

    [Theory]
    [InlineData("http://lms.example.edu/jwks.json")]
    [InlineData("http://10.0.0.5/jwks.json")]
    [InlineData("http://127.0.0.1.evil.example/jwks.json")]
    [InlineData("https://user:secret@lms.example.edu/jwks.json")]
    [InlineData("ftp://lms.example.edu/jwks.json")]
    [InlineData("file:///etc/passwd")]
    public async Task KeyCache_JwksUrlNotHttps_RefusedWithoutAnyRequest(string jwksUrl)
    {
        using var handler = new CountingJwksHandler();
        var cache = NewCache(handler);

        var lookup = await cache.FindKeyAsync(OfflinePlatform(jwksUrl), handler.Key.Kid, CancellationToken.None);

        Assert.Equal(0, handler.Requests);
        Assert.Null(lookup.Key);
        Assert.Equal(LtiErrors.PlatformKeysUnavailable, lookup.Error);
    }

    [Fact]
    public async Task KeyCache_HttpsJwksUrl_FetchedThroughTheSameHarness()
    {
        using var handler = new CountingJwksHandler();
        var cache = NewCache(handler);

        var lookup = await cache.FindKeyAsync(OfflinePlatform("https://lms.example.edu/jwks.json"), handler.Key.Kid, CancellationToken.None);

        Assert.Equal(1, handler.Requests);
        Assert.Equal(handler.Key.Kid, lookup.Key?.KeyId);
    }

    private static Task<Platform> RegisterAsync(ToolHost tool, string jwksUrl) =>
        tool.Platforms.AddAsync(new PlatformRegistration(
            "https://stub-lms.example", TestPlatform.ClientId, "https://stub-lms.example/authorize", "https://stub-lms.example/token", null, jwksUrl, [TestPlatform.DeploymentId]));

    private static Platform OfflinePlatform(string jwksUrl) =>
        new(1, "https://lms.example.edu", "client", "https://lms.example.edu/authorize", "https://lms.example.edu/token", null, jwksUrl);

    // Loopback http allowed, as in development: the refusals above must not depend on it being off.
    private static PlatformKeyCache NewCache(HttpMessageHandler handler)
    {
        var options = Options.Create(new LtiOptions { AllowHttpLoopback = true });
        return new PlatformKeyCache(new SingleHandlerFactory(handler), new UrlPolicy(options), new FakeTimeProvider(), options, NullLogger<PlatformKeyCache>.Instance);
    }

    /// <summary>Answers every request with a good JWKS, so a request that should not happen would succeed.</summary>
    private sealed class CountingJwksHandler : HttpMessageHandler
    {
        private int _requests;

        public RsaKey Key { get; } = TestPlatform.NewKey();

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { keys = new[] { Key.PublicJwk() } }) });
        }

        protected override void Dispose(bool disposing)
        {
            Key.Rsa.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class SingleHandlerFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
