using System.Text.Json;
using LtiTool.Lti.Http;

namespace LtiTool.Lti.Launch;

/// <summary>
/// Turns a validated id_token into an <see cref="LtiLaunch"/>. Unknown claims are ignored (Core §5.4.7), non-string
/// custom values are dropped (Core §5.4.6), display strings are cut to a safe length.
/// </summary>
public sealed class LaunchClaimsReader(UrlPolicy urlPolicy)
{
    private static readonly string[] InstructorRoles =
    [
        LtiConstants.Roles.Instructor,
        LtiConstants.Roles.Administrator,
        LtiConstants.Roles.ContentDeveloper,
        LtiConstants.Roles.TeachingAssistant,
        LtiConstants.Roles.InstitutionAdministrator,
        LtiConstants.Roles.SystemAdministrator,
        // Short names, which Core Appendix A lets tools recognise.
        "Instructor",
        "Administrator",
        "ContentDeveloper",
        "TeachingAssistant",
    ];

    public LtiLaunch Read(string launchId, long platformId, IdToken token, long now)
    {
        ArgumentNullException.ThrowIfNull(token);
        var roles = token.Claim(LtiConstants.Claims.Roles)!.Value.EnumerateArray().Select(r => r.GetString()!).ToList();
        return new LtiLaunch(
            Id: launchId,
            PlatformId: platformId,
            DeploymentId: token.StringClaim(LtiConstants.Claims.DeploymentId)!,
            Subject: token.StringClaim(LtiConstants.Claims.Subject)!,
            MessageType: token.StringClaim(LtiConstants.Claims.MessageType)!,
            Roles: roles,
            Role: roles.Any(r => InstructorRoles.Contains(r, StringComparer.Ordinal)) ? LaunchRole.Instructor : LaunchRole.Learner,
            DisplayName: DisplayName(token),
            Course: ReadCourse(token.ObjectClaim(LtiConstants.Claims.Context)),
            ResourceLink: ReadResourceLink(token.ObjectClaim(LtiConstants.Claims.ResourceLink)),
            Services: ReadServices(token),
            DeepLinking: ReadDeepLinking(token.ObjectClaim(LtiConstants.Claims.DeepLinkingSettings)),
            Presentation: ReadPresentation(token.ObjectClaim(LtiConstants.Claims.LaunchPresentation)),
            PlatformInfo: ReadPlatformInfo(token.ObjectClaim(LtiConstants.Claims.ToolPlatform)),
            Custom: ReadCustom(token.ObjectClaim(LtiConstants.Claims.Custom)),
            CreatedAt: now);
    }

    private static string? DisplayName(IdToken token)
    {
        var name = Text(token.StringClaim(LtiConstants.Claims.Name));
        if (name is not null)
        {
            return name;
        }

        var parts = new[] { token.StringClaim(LtiConstants.Claims.GivenName), token.StringClaim(LtiConstants.Claims.FamilyName) }
            .Where(p => !string.IsNullOrWhiteSpace(p));
        return Text(string.Join(' ', parts));
    }

    private static LaunchCourse? ReadCourse(JsonElement? context) => context is { } c
        ? new LaunchCourse(Property(c, "id")!, Text(Property(c, "title")), Text(Property(c, "label")))
        : null;

    private static LaunchResourceLink? ReadResourceLink(JsonElement? link) => link is { } l && Property(l, "id") is { } id
        ? new LaunchResourceLink(id, Text(Property(l, "title")), Text(Property(l, "description")))
        : null;

    private LaunchServices ReadServices(IdToken token)
    {
        var ags = token.ObjectClaim(LtiConstants.Claims.AgsEndpoint);
        var nrps = token.ObjectClaim(LtiConstants.Claims.NrpsService);
        var scopes = ags is { } a && a.TryGetProperty("scope", out var scope) && scope.ValueKind == JsonValueKind.Array
            ? scope.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).Distinct().ToList()
            : [];
        return new LaunchServices(
            scopes,
            AllowedUrl(ags is { } x ? Property(x, "lineitems") : null),
            AllowedUrl(ags is { } y ? Property(y, "lineitem") : null),
            AllowedUrl(nrps is { } n ? Property(n, "context_memberships_url") : null));
    }

    private DeepLinkingRequest? ReadDeepLinking(JsonElement? settings)
    {
        if (settings is not { } s || AllowedUrl(Property(s, "deep_link_return_url")) is not { } returnUrl)
        {
            return null;
        }

        return new DeepLinkingRequest(
            returnUrl,
            Strings(s, "accept_types"),
            Strings(s, "accept_presentation_document_targets"),
            Flag(s, "accept_multiple"),
            Flag(s, "accept_lineitem"),
            Flag(s, "auto_create"),
            Text(Property(s, "title")),
            Text(Property(s, "text")),
            // data is echoed back byte for byte (Deep Linking 2.0 §4.4.1), so it is never cut.
            Property(s, "data"));
    }

    private LaunchPresentation ReadPresentation(JsonElement? presentation) => presentation is { } p
        ? new LaunchPresentation(Text(Property(p, "document_target")), AllowedUrl(Property(p, "return_url")), Text(Property(p, "locale")))
        : new LaunchPresentation(null, null, null);

    private static LaunchPlatformInfo? ReadPlatformInfo(JsonElement? platform) => platform is { } p
        ? new LaunchPlatformInfo(Text(Property(p, "name")), Text(Property(p, "product_family_code")), Text(Property(p, "version")))
        : null;

    private static Dictionary<string, string> ReadCustom(JsonElement? custom) => custom is { } c
        ? c.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String && p.Name.Length <= ClaimLimits.MaxIdLength)
            .Take(ClaimLimits.MaxRoles)
            .ToDictionary(p => p.Name, p => Text(p.Value.GetString()) ?? string.Empty, StringComparer.Ordinal)
        : [];

    // Service and return URLs are used only when https (or loopback http in development): catalogue cases 60, 83.
    private string? AllowedUrl(string? url) => url is not null && urlPolicy.IsAllowed(url) ? url : null;

    private static string? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value)
        ? null
        : value.Length > ClaimLimits.MaxTextLength ? value[..ClaimLimits.MaxTextLength] : value;
}
