using System.Net;
using AngleSharp.Html.Parser;
using LtiTool.Admin;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Admin;

public sealed class AdminSignInTests(ToolHostFixture fixture) : IClassFixture<ToolHostFixture>
{
    [Theory]
    [InlineData("/admin/setup")]
    public async Task AdminPages_SendAnonymousVisitorsToSignIn(string path)
    {
        using var client = fixture.Tool.NewClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(AdminExtensions.SignInPath, response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RefusesAWrongSecret()
    {
        using var browser = new AdminBrowser(fixture.Tool);

        using var response = await browser.SignInAsync("not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("LTI6002", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var setup = await browser.Client.GetAsync("/admin/setup");
        Assert.Equal(HttpStatusCode.Found, setup.StatusCode);
    }

    [Fact]
    public async Task SetupSecret_OpensTheSetupPageWithEveryValue()
    {
        using var browser = new AdminBrowser(fixture.Tool);

        using var signIn = await browser.SignInAsync(AdminBrowser.SetupSecretOf(fixture.Tool));
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        var html = await browser.Client.GetStringAsync(signIn.Headers.Location);

        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Register EduRec in your LMS – EduRec", page.Title);
        string Value(string id) => page.GetElementById(id)!.TextContent;
        Assert.Equal(fixture.Tool.BaseUrl + "/lti/register", Value("dynamic-registration"));
        Assert.Equal(fixture.Tool.BaseUrl + "/lti/config/canvas.json", Value("canvas-json"));
        Assert.Equal(fixture.Tool.LoginUrl, Value("login"));
        Assert.Equal(fixture.Tool.LaunchUrl, Value("redirect"));
        Assert.Equal(fixture.Tool.BaseUrl + "/.well-known/jwks.json", Value("jwks"));
        Assert.Contains("https://purl.imsglobal.org/spec/lti-ags/scope/score", Value("scopes"), StringComparison.Ordinal);
        // Every copy button names an element that exists, and scripts come from files only (CSP script-src 'self').
        Assert.All(page.QuerySelectorAll("button[data-copy]"), b => Assert.NotNull(page.GetElementById(b.GetAttribute("data-copy")!)));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.Contains("https://api.brightspace.com/auth/token", html, StringComparison.Ordinal);
        Assert.Contains("https://sso.beta.canvaslms.com/api/lti/authorize_redirect", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredPassword_IsTheOnlyCredential()
    {
        using var tool = new ToolHost(new Dictionary<string, string?> { ["Admin:PasswordHash"] = AdminCredential.Hash("correct horse battery staple") });
        Assert.Null(tool.Service<AdminCredential>().SetupSecret);
        using var browser = new AdminBrowser(tool);

        using var wrong = await browser.SignInAsync("correct horse");
        using var right = await browser.SignInAsync("correct horse battery staple");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Found, right.StatusCode);
    }

    [Fact]
    public async Task SignIn_NeverRedirectsOffSite()
    {
        using var browser = new AdminBrowser(fixture.Tool);

        using var response = await browser.SignInAsync(AdminBrowser.SetupSecretOf(fixture.Tool), "https://attacker.example/");

        Assert.Equal("/admin/setup", response.Headers.Location!.OriginalString);
    }
}
