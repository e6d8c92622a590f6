using System.Net;
using LtiTool.Lti;

namespace LtiTool.Tests.TestSupport;

/// <summary>
/// One launch attempt against a tool and a test platform: logs in, builds a valid claim set, lets the test tamper
/// with claims, header, key or the raw token, and posts the launch.
/// </summary>
public sealed class LaunchScenario(ToolHost tool, TestPlatform platform)
{
    public ToolHost Tool { get; } = tool;

    public TestPlatform Platform { get; } = platform;

    public async Task<HttpResponseMessage> LaunchAsync(
        Action<Dictionary<string, object?>>? claims = null,
        Func<Dictionary<string, object?>, string>? sign = null,
        Func<LoginRedirect, string?>? cookie = null,
        Func<LoginRedirect, string?>? state = null,
        IDictionary<string, string?>? login = null)
    {
        using var browser = new LtiBrowser(Tool);
        var redirect = await browser.LoginAsync(Platform, login);
        Assert.Equal(HttpStatusCode.Redirect, redirect.Status);
        var claimSet = Platform.ResourceLinkClaims(redirect.Nonce, Tool.LaunchUrl, Tool.Time.GetUtcNow());
        claims?.Invoke(claimSet);
        var token = sign is null ? Platform.Sign(claimSet) : sign(claimSet);
        return await browser.LaunchAsync(token, state is null ? redirect.State : state(redirect), cookie is null ? redirect.Cookie : cookie(redirect));
    }

    /// <summary>Asserts the answer is the error page with this error's id and status.</summary>
    public static async Task AssertRejectedAsync(HttpResponseMessage response, LtiError expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(expected);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains(expected.Id, StringComparison.Ordinal), $"Expected {expected.Id} ({expected.Title}) but the page said: {ErrorIdIn(body)}");
        Assert.Equal((HttpStatusCode)expected.StatusCode, response.StatusCode);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    private static string ErrorIdIn(string body)
    {
        var index = body.IndexOf("LTI", StringComparison.Ordinal);
        return index < 0 ? body[..Math.Min(200, body.Length)] : body.Substring(index, Math.Min(7, body.Length - index));
    }
}
