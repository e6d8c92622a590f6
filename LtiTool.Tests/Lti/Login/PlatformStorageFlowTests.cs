using System.Net;
using AngleSharp.Html.Parser;
using LtiTool.Lti;
using LtiTool.Lti.Login;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Lti.Login;

/// <summary>
/// The launch when the browser blocked the state cookie but the platform offers postMessage storage (catalogue
/// cases 67–68): the tool asks for the binding secret through an interstitial page, accepts only the right secret,
/// and never loops.
/// </summary>
public sealed class PlatformStorageFlowTests(RegisteredPlatformsFixture fixture) : IClassFixture<RegisteredPlatformsFixture>
{
    [Fact]
    public async Task StorageLaunch_WithoutCookie_AnswersInterstitialCarryingTokenAndStateWithoutConsumingIt()
    {
        using var browser = new LtiBrowser(fixture.Tool);
        var login = await PlatformStorageLogin.StartAsync(browser, fixture.Platform);
        var token = SignLaunch(login);
        var launchesBefore = await fixture.Tool.LaunchCountAsync();

        using var first = await browser.LaunchAsync(token, login.State, cookie: null);
        using var again = await browser.LaunchAsync(token, login.State, cookie: null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var document = new HtmlParser().ParseDocument(await first.Content.ReadAsStringAsync());
        var main = document.QuerySelector("#platform-storage");
        Assert.NotNull(main);
        Assert.Equal("get", main.GetAttribute("data-mode"));
        Assert.Equal(PlatformStorageLogin.StorageTarget, main.GetAttribute("data-target"));
        Assert.Equal(login.Key, main.GetAttribute("data-key"));
        // postMessage goes to the platform's origin only; an empty origin would make the page throw and stall.
        Assert.Equal(fixture.Platform.BaseUrl, main.GetAttribute("data-origin"));
        Assert.Null(main.GetAttribute("data-value"));
        var form = document.QuerySelector("form#relaunch");
        Assert.NotNull(form);
        Assert.Equal(fixture.Tool.LaunchUrl, form.GetAttribute("action"));
        Assert.Equal(token, HiddenField(form, "id_token"));
        Assert.Equal(login.State, HiddenField(form, "state"));
        Assert.Equal("1", HiddenField(form, BrowserBinding.StorageAttemptedFormField));
        Assert.Equal(string.Empty, HiddenField(form, BrowserBinding.StorageFormField));
        // Not consumed: the same launch is answered with the interstitial again, not "already used".
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(launchesBefore, await fixture.Tool.LaunchCountAsync());
    }

    [Fact]
    public async Task StorageLaunch_RepostedWithStoredSecret_OpensStudentPanel()
    {
        using var browser = new LtiBrowser(fixture.Tool);
        var login = await PlatformStorageLogin.StartAsync(browser, fixture.Platform);
        var token = SignLaunch(login);
        var launchesBefore = await fixture.Tool.LaunchCountAsync();
        using var interstitial = await browser.LaunchAsync(token, login.State, cookie: null);

        using var response = await browser.LaunchAsync(token, login.State, cookie: null, Repost(login.Secret));

        Assert.Equal(HttpStatusCode.OK, interstitial.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"Launch not accepted: {(int)response.StatusCode}");
        Assert.StartsWith("/student?session=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(launchesBefore + 1, await fixture.Tool.LaunchCountAsync());
    }

    [Fact]
    public async Task StorageLaunch_RepostedWithWrongSecret_Lti2104AndNothingStored()
    {
        using var browser = new LtiBrowser(fixture.Tool);
        var login = await PlatformStorageLogin.StartAsync(browser, fixture.Platform);
        var token = SignLaunch(login);
        var launchesBefore = await fixture.Tool.LaunchCountAsync();

        using var response = await browser.LaunchAsync(token, login.State, cookie: null, Repost(BrowserBinding.NewSecret()));
        using var retry = await browser.LaunchAsync(token, login.State, cookie: null, Repost(login.Secret));

        await LaunchScenario.AssertRejectedAsync(response, LtiErrors.StateNotBoundToBrowser);
        // The failed attempt consumed the state: the right secret cannot be tried afterwards.
        await LaunchScenario.AssertRejectedAsync(retry, LtiErrors.StateAlreadyUsed);
        Assert.Equal(launchesBefore, await fixture.Tool.LaunchCountAsync());
    }

    [Fact]
    public async Task StorageLaunch_AttemptedWithoutSecret_Lti2104WithNewWindowFallbackNotAnotherInterstitial()
    {
        using var browser = new LtiBrowser(fixture.Tool);
        var login = await PlatformStorageLogin.StartAsync(browser, fixture.Platform);
        var token = SignLaunch(login);

        using var response = await browser.LaunchAsync(token, login.State, cookie: null, Repost(string.Empty));

        await LaunchScenario.AssertRejectedAsync(response, LtiErrors.StateNotBoundToBrowser);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("platform-storage", body, StringComparison.Ordinal);
        Assert.Contains("target=\"_blank\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoragePage_Script_IsServed()
    {
        using var client = fixture.Tool.NewClient();

        using var response = await client.GetAsync("/js/platform-storage.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lti.put_data", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private string SignLaunch(PlatformStoragePage login) =>
        fixture.Platform.Sign(fixture.Platform.ResourceLinkClaims(login.Nonce, fixture.Tool.LaunchUrl, fixture.Tool.Time.GetUtcNow()));

    private static Dictionary<string, string> Repost(string secret) => new()
    {
        [BrowserBinding.StorageFormField] = secret,
        [BrowserBinding.StorageAttemptedFormField] = "1",
    };

    private static string? HiddenField(AngleSharp.Dom.IElement form, string name) =>
        form.QuerySelector($"input[type=hidden][name=\"{name}\"]")?.GetAttribute("value");
}
