using LtiTool.Admin;
using LtiTool.Lti;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LtiTool.Pages.Admin;

/// <summary>
/// Everything an LMS admin types or pastes into an LMS to register the tool (ecosystem.md §1.3 C): URLs, placements,
/// scopes and privacy, each with a copy button, step lists per LMS and presets of the hosted platforms' endpoints.
/// </summary>
public sealed class SetupModel(ToolRegistration registration, ToolUrls urls) : PageModel
{
    public ToolRegistration Registration => registration;

    public IReadOnlyList<SetupValue> Values { get; private set; } = [];

    public string RegistrationUrl { get; private set; } = "";

    public string CanvasJsonUrl { get; private set; } = "";

    public void OnGet()
    {
        var baseUrl = urls.BaseUrl(Request);
        RegistrationUrl = baseUrl + DynamicRegistrationPath;
        CanvasJsonUrl = baseUrl + AdminExtensions.CanvasConfigPath;
        Values =
        [
            new("dynamic-registration", "Dynamic Registration URL", RegistrationUrl, "Moodle, Canvas and Brightspace: paste it to register in one step."),
            new("canvas-json", "Canvas JSON URL", CanvasJsonUrl, "Canvas: install method \"Enter URL\" (or \"JSON URL\")."),
            new("login", "Login initiation URL (OIDC)", urls.LoginUrl(Request), "Also called OpenID Connect Login URL or Initiate login URL."),
            new("redirect", "Redirect URL", urls.LaunchUrl(Request), "Also called Redirection URI or Tool Redirect URL; the only one."),
            new("target", "Target link URI", urls.LaunchUrl(Request), "Also called Tool URL or Launch URL."),
            new("deep-linking", "Deep Linking URL", urls.LaunchUrl(Request), "Also called Content Selection URL; the same address, the message type tells them apart."),
            new("jwks", "Public keyset URL (JWKS)", baseUrl + "/.well-known/jwks.json", "Choose \"Keyset URL\", never a pasted key: keys rotate."),
            new("domain", "Domain", new Uri(baseUrl).Authority, "Canvas and Brightspace match deep-linked links by it."),
        ];
    }

    public const string DynamicRegistrationPath = "/lti/register";
}

/// <summary>One value to copy, with the id its copy button points at.</summary>
public sealed record SetupValue(string Id, string Label, string Value, string Hint);
