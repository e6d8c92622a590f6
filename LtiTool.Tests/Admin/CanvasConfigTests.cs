using System.Net;
using System.Text.Json.Nodes;
using LtiTool.Admin;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Admin;

public sealed class CanvasConfigTests(ToolHostFixture fixture) : IClassFixture<ToolHostFixture>
{
    [Fact]
    public async Task CanvasJson_IsTheRepositoryTemplateWithTheRealHost()
    {
        using var client = fixture.Tool.NewClient();
        using var response = await client.GetAsync(AdminExtensions.CanvasConfigPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var baseUrl = new Uri(fixture.Tool.BaseUrl);
        var expected = File.ReadAllText(RepositoryRoot.File("lti-registration.json"))
            .Replace("{{base_url}}", fixture.Tool.BaseUrl, StringComparison.Ordinal)
            .Replace("{{host}}", baseUrl.Host, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task CanvasJson_UsesThePublicBaseUrlWhenConfigured()
    {
        using var tool = new ToolHost(new Dictionary<string, string?> { ["Lti:PublicBaseUrl"] = "https://edurec.example.edu" });
        using var client = tool.NewClient();

        var json = JsonNode.Parse(await client.GetStringAsync(AdminExtensions.CanvasConfigPath))!;

        Assert.Equal("https://edurec.example.edu/lti/login", json["oidc_initiation_url"]!.GetValue<string>());
        Assert.Equal("edurec.example.edu", json["extensions"]![0]!["domain"]!.GetValue<string>());
        Assert.DoesNotContain("{{", json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_DeclaresThePlacementsScopesAndPrivacyTheIssueNames()
    {
        var registration = new ToolRegistration();

        Assert.Equal(
            ["course_navigation:LtiResourceLinkRequest", "link_selection:LtiDeepLinkingRequest", "assignment_selection:LtiDeepLinkingRequest", "editor_button:LtiDeepLinkingRequest"],
            registration.Placements.Select(p => $"{p.Placement}:{p.MessageType}"));
        Assert.Equal(
            [LtiTool.Lti.LtiConstants.Scopes.LineItem, LtiTool.Lti.LtiConstants.Scopes.LineItemReadOnly, LtiTool.Lti.LtiConstants.Scopes.ResultReadOnly,
                LtiTool.Lti.LtiConstants.Scopes.Score, LtiTool.Lti.LtiConstants.Scopes.ContextMembershipReadOnly],
            registration.Scopes);
        Assert.Equal("name_only", registration.PrivacyLevel);
    }

    [Fact]
    public void Render_KeepsAHostInsideItsJsonString()
    {
        var registration = new ToolRegistration("""{"title":"t","description":"d","scopes":[],"x":"{{host}}","extensions":[{"platform":"canvas.instructure.com","privacy_level":"name_only","tool_id":"t"}]}""");

        var rendered = registration.Render(new Uri("https://xn--bcher-kva.example/"));

        Assert.Equal("xn--bcher-kva.example", rendered["x"]!.GetValue<string>());
    }
}
