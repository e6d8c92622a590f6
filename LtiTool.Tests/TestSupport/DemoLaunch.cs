using System.Net;
using LtiTool.Tests.Demo;

namespace LtiTool.Tests.TestSupport;

/// <summary>
/// The whole LTI 1.3 flow over real HTTP, as a browser inside the demo LMS runs it: the LMS's self-posting login
/// form → the tool's /lti/login → the LMS's authorization endpoint → the self-posting id_token form → the tool's
/// /lti/launch → the page for the role. No step is skipped or faked.
/// </summary>
internal static class DemoLaunch
{
    /// <summary>Runs the flow from <paramref name="demoLaunchPath"/> on the tool's own demo LMS and returns the page the launch lands on.</summary>
    public static async Task<string> RunAsync(ToolHost tool, string demoLaunchPath, string expectedPage)
    {
        var location = await LaunchAsync(tool, demoLaunchPath, expectedPage);
        using var client = tool.NewClient();
        using var page = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>Runs the flow and returns the address of the page the launch redirects to (with its session).</summary>
    public static async Task<string> LaunchAsync(ToolHost tool, string demoLaunchPath, string expectedPage)
    {
        using var client = tool.NewClient();

        // 1. The LMS page in the iframe posts the login initiation to the tool, as Moodle does.
        using var lmsPage = await client.GetAsync(demoLaunchPath);
        var (loginAction, loginFields) = await DemoHtmlForms.ReadFormAsync(lmsPage);
        using var login = await client.PostAsync(loginAction, new FormUrlEncodedContent(loginFields));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var stateCookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];

        // 2. The platform authenticates and answers with a self-posting id_token form.
        using var authorize = await client.GetAsync(login.Headers.Location);
        var (launchAction, launchFields) = await DemoHtmlForms.ReadFormAsync(authorize);
        Assert.Equal(tool.LaunchUrl, launchAction);

        // 3. The browser posts it to the tool with the state cookie it was given at login.
        using var launchRequest = new HttpRequestMessage(HttpMethod.Post, launchAction) { Content = new FormUrlEncodedContent(launchFields) };
        launchRequest.Headers.Add("Cookie", stateCookie);
        using var launch = await client.SendAsync(launchRequest);
        Assert.Equal(HttpStatusCode.Redirect, launch.StatusCode);
        var location = launch.Headers.Location!.OriginalString;
        Assert.StartsWith(expectedPage + "?session=", location, StringComparison.Ordinal);
        return location;
    }
}
