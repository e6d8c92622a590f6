using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using LtiTool.Data;
using LtiTool.DeepLinking;
using LtiTool.Demo;
using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Skills;
using LtiTool.Tests.Flows;
using LtiTool.Tests.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Tests.DeepLinking;

/// <summary>
/// The deep-linking round trip over real HTTP: the demo LMS's request → the picker → the signed response posted to the
/// demo's return endpoint → new activities and gradebook columns in the course.
/// </summary>
public sealed class DeepLinkingRoundTripTests(DemoToolFixture fixture) : IClassFixture<DemoToolFixture>
{
    [Fact]
    public async Task AddTwoItems_ResponseVerifiesAgainstJwks_AndCarriesExactlyThem()
    {
        var (page, skill) = await OpenPickerAsync();

        var (returnUrl, jwt) = await ChooseAsync(page, [DeepLinkOffer.PanelKey, SetKey(skill)], IndexAction.Add);

        var token = await VerifyAgainstJwksAsync(jwt);
        var demo = fixture.Tool.Service<DemoPlatform>();
        Assert.Equal(demo.ClientId, token.Issuer);
        Assert.Equal([demo.Issuer], token.Audiences);
        Assert.Equal(LtiConstants.MessageTypes.DeepLinkingResponse, token.GetPayloadValue<string>(LtiConstants.Claims.MessageType));
        Assert.Equal(LtiConstants.LtiVersion, token.GetPayloadValue<string>(LtiConstants.Claims.Version));
        Assert.Equal(demo.DeploymentId, token.GetPayloadValue<string>(LtiConstants.Claims.DeploymentId));
        Assert.False(string.IsNullOrEmpty(token.GetPayloadValue<string>(LtiConstants.Claims.Nonce)));
        Assert.StartsWith("dl-", token.GetPayloadValue<string>(LtiConstants.Claims.DeepLinkingData), StringComparison.Ordinal);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        var items = token.GetPayloadValue<JsonElement>(LtiConstants.Claims.DeepLinkingContentItems).EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.All(items, i => Assert.Equal(LtiConstants.ContentItemTypes.LtiResourceLink, i.GetProperty("type").GetString()));
        Assert.All(items, i => Assert.Equal(fixture.Tool.LaunchUrl, i.GetProperty("url").GetString()));
        Assert.False(items[0].TryGetProperty("lineItem", out _));
        var set = items[1];
        Assert.Equal(SkillPracticeCatalogue.IdPrefix + skill.Code, set.GetProperty("custom").GetProperty(ContentItems.PracticeSetParameter).GetString());
        var lineItem = set.GetProperty("lineItem");
        Assert.Equal(100, lineItem.GetProperty("scoreMaximum").GetDouble());
        Assert.Equal(skill.Code, lineItem.GetProperty("tag").GetString());
        Assert.Equal(SkillPracticeCatalogue.IdPrefix + skill.Code, lineItem.GetProperty("resourceId").GetString());

        // The platform accepts it: two new activities, one with its own gradebook column tagged with the skill.
        var gradebook = fixture.Tool.Service<DemoGradebook>();
        var linksBefore = gradebook.ResourceLinks.Count;
        var accepted = await PostToPlatformAsync(returnUrl, jwt);
        Assert.Contains("2 item(s) added to the course.", accepted, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", accepted, StringComparison.Ordinal);
        var added = gradebook.ResourceLinks.Skip(linksBefore).ToArray();
        Assert.Equal(2, added.Length);
        var practiceLink = added.Single(l => l.Custom.ContainsKey(ContentItems.PracticeSetParameter));
        Assert.Equal(skill.Code, gradebook.LineItemOfLink(practiceLink.Id)!.Tag);
    }

    [Fact]
    public async Task Cancel_ReturnsErrorMessageAndNoItems()
    {
        var (page, _) = await OpenPickerAsync();

        var (returnUrl, jwt) = await ChooseAsync(page, [], IndexAction.Cancel);

        var token = await VerifyAgainstJwksAsync(jwt);
        Assert.Empty(token.GetPayloadValue<JsonElement>(LtiConstants.Claims.DeepLinkingContentItems).EnumerateArray());
        Assert.Equal(LtiTool.Pages.DeepLinking.IndexModel.CancelMessage, token.GetPayloadValue<string>(LtiConstants.Claims.DeepLinkingErrorMessage));
        var shown = await PostToPlatformAsync(returnUrl, jwt);
        Assert.Contains("0 item(s) added to the course.", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingSelected_ShowsThePickerAgainWithTheError()
    {
        var (page, _) = await OpenPickerAsync();
        using var client = fixture.Tool.NewClient();

        using var response = await client.PostAsync(page, new FormUrlEncodedContent([new("action", IndexAction.Add)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(LtiErrors.DeepLinkNothingSelected.Id, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemNotOffered_IsRefusedWithItsId()
    {
        var (page, _) = await OpenPickerAsync();
        using var client = fixture.Tool.NewClient();

        using var response = await client.PostAsync(page, new FormUrlEncodedContent([new("items", "set:not-in-this-course"), new("action", IndexAction.Add)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(LtiErrors.DeepLinkItemUnknown.Id, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string SetKey(Skill skill) => DeepLinkOffer.PracticeSetKeyPrefix + SkillPracticeCatalogue.IdPrefix + skill.Code;

    private static class IndexAction
    {
        public const string Add = LtiTool.Pages.DeepLinking.IndexModel.AddAction;
        public const string Cancel = LtiTool.Pages.DeepLinking.IndexModel.CancelAction;
    }

    /// <summary>Launches the picker as the demo's instructor, with the demo's skills known to the course.</summary>
    private async Task<(string Page, Skill Skill)> OpenPickerAsync()
    {
        var page = await DemoLaunch.LaunchAsync(fixture.Tool, $"/demo/launch?user={fixture.Course.Instructor.Id}&kind=deeplink", "/deep-linking");
        var session = page[(page.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var launch = (await fixture.Tool.Service<ILaunchStore>().FindBySessionAsync(session, fixture.Tool.Time.GetUtcNow().ToUnixTimeSeconds()))!;
        var skills = fixture.Course.Skills.Select(s => new Skill(s.Code, s.Title)).ToList();
        await fixture.Tool.Service<ISkillMappingStore>().UpsertSkillsAsync(new CourseKey(launch.PlatformId, launch.DeploymentId, launch.Course!.Id), skills, 0);
        return (page, skills[0]);
    }

    private async Task<(string ReturnUrl, string Jwt)> ChooseAsync(string page, IReadOnlyList<string> keys, string action)
    {
        using var client = fixture.Tool.NewClient();
        using var picker = await client.GetAsync(page);
        var pickerHtml = await picker.Content.ReadAsStringAsync();
        Assert.All(keys, k => Assert.Contains($"value=\"{k}\"", pickerHtml, StringComparison.Ordinal));

        var fields = keys.Select(k => new KeyValuePair<string, string>("items", k)).Append(new("action", action));
        using var response = await client.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var form = document.QuerySelector("form[data-auto-submit]")!;
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
        return (form.GetAttribute("action")!, form.QuerySelector($"input[name={LtiConstants.DeepLinkingResponseField}]")!.GetAttribute("value")!);
    }

    private async Task<JsonWebToken> VerifyAgainstJwksAsync(string jwt)
    {
        using var client = fixture.Tool.NewClient();
        var jwks = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks.json"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.Keys,
            ValidAlgorithms = [LtiConstants.SigningAlgorithm],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    private async Task<string> PostToPlatformAsync(string returnUrl, string jwt)
    {
        using var client = fixture.Tool.NewClient();
        using var response = await client.PostAsync(returnUrl, new FormUrlEncodedContent([new(LtiConstants.DeepLinkingResponseField, jwt)]));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        return html;
    }
}
