using AngleSharp.Html.Parser;
using LtiTool.Lti;
using LtiTool.Tests.TestSupport;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiTool.Tests.Lti.Login;

/// <summary>Raw login requests, for tests that inspect the tool's answer itself (status, headers, cookies).</summary>
internal static class LoginRequests
{
    /// <summary>A valid login for the platform's first registration, with overrides (null removes a parameter).</summary>
    public static Dictionary<string, string> Parameters(ToolHost tool, TestPlatform platform, IDictionary<string, string?>? overrides = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            [LtiConstants.LoginParameters.Issuer] = platform.Issuer,
            [LtiConstants.LoginParameters.LoginHint] = "student-7",
            [LtiConstants.LoginParameters.TargetLinkUri] = tool.LaunchUrl,
            [LtiConstants.LoginParameters.ClientId] = TestPlatform.ClientId,
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            parameters[name] = value;
        }

        return parameters.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
    }

    public static string Query(ToolHost tool, TestPlatform platform, IDictionary<string, string?>? overrides = null) =>
        QueryHelpers.AddQueryString(ToolUrls.LoginPath, Parameters(tool, platform, overrides)!);

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, ToolHost tool, TestPlatform platform, IDictionary<string, string?>? overrides = null) =>
        client.GetAsync(Query(tool, platform, overrides));

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, ToolHost tool, TestPlatform platform, IDictionary<string, string?>? overrides = null)
    {
        using var form = new FormUrlEncodedContent(Parameters(tool, platform, overrides));
        return await client.PostAsync(ToolUrls.LoginPath, form);
    }
}

/// <summary>What the tool's platform-storage login page asks the browser script to do.</summary>
internal sealed record PlatformStoragePage(
    string Mode,
    string Target,
    string Origin,
    string Key,
    string Secret,
    string ContinueUrl,
    IReadOnlyDictionary<string, string> ContinueQuery,
    string? Script)
{
    public string State => ContinueQuery[LtiConstants.LoginParameters.State];

    public string Nonce => ContinueQuery[LtiConstants.LoginParameters.Nonce];
}

/// <summary>A login from a platform that offers postMessage storage (<c>lti_storage_target</c>).</summary>
internal static class PlatformStorageLogin
{
    public const string StorageTarget = "post_message_forwarding";

    public static async Task<PlatformStoragePage> StartAsync(LtiBrowser browser, TestPlatform platform)
    {
        var login = await browser.LoginAsync(platform, new Dictionary<string, string?> { [LtiConstants.LoginParameters.StorageTarget] = StorageTarget });
        Assert.Equal(System.Net.HttpStatusCode.OK, login.Status);
        var document = new HtmlParser().ParseDocument(login.Body);
        var main = document.QuerySelector("#platform-storage");
        Assert.NotNull(main);
        string Data(string name) => main.GetAttribute("data-" + name) ?? throw new Xunit.Sdk.XunitException($"data-{name} missing");
        var continueUrl = Data("continue");
        var query = QueryHelpers.ParseQuery(new Uri(continueUrl).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        return new PlatformStoragePage(
            Data("mode"), Data("target"), Data("origin"), Data("key"), Data("value"), continueUrl, query,
            document.QuerySelector("script")?.GetAttribute("src"));
    }
}
