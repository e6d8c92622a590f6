namespace LtiTool.Lti.Launch;

/// <summary>
/// The validated launch, immutable, scoped by (platform, deployment, context, resource link, user). Holds only what
/// the tool needs: no email, and a display name only when the platform shares one (data minimisation).
/// </summary>
public sealed record LtiLaunch(
    string Id,
    long PlatformId,
    string DeploymentId,
    string Subject,
    string MessageType,
    IReadOnlyList<string> Roles,
    LaunchRole Role,
    string? DisplayName,
    LaunchCourse? Course,
    LaunchResourceLink? ResourceLink,
    LaunchServices Services,
    DeepLinkingRequest? DeepLinking,
    LaunchPresentation Presentation,
    LaunchPlatformInfo? PlatformInfo,
    IReadOnlyDictionary<string, string> Custom,
    long CreatedAt)
{
    public bool IsDeepLinking => MessageType == LtiConstants.MessageTypes.DeepLinkingRequest;
}

/// <summary>What the tool lets a launch do, from the roles (least privilege when none is recognised).</summary>
public enum LaunchRole
{
    Learner,
    Instructor,
}

public sealed record LaunchCourse(string Id, string? Title, string? Label);

public sealed record LaunchResourceLink(string Id, string? Title, string? Description);

/// <summary>LTI Advantage services the platform offered in this launch (AGS 2.0 §3.1; NRPS 2.0 §3.6).</summary>
public sealed record LaunchServices(
    IReadOnlyList<string> AgsScopes,
    string? LineItemsUrl,
    string? LineItemUrl,
    string? MembershipsUrl)
{
    public bool HasAssignmentAndGrades => AgsScopes.Count > 0 && (LineItemsUrl is not null || LineItemUrl is not null);

    public bool HasNamesAndRoles => MembershipsUrl is not null;
}

/// <summary>The deep_linking_settings claim (Deep Linking 2.0 §4.4.1).</summary>
public sealed record DeepLinkingRequest(
    string ReturnUrl,
    IReadOnlyList<string> AcceptTypes,
    IReadOnlyList<string> AcceptPresentationDocumentTargets,
    bool AcceptMultiple,
    bool AcceptLineItem,
    bool AutoCreate,
    string? Title,
    string? Text,
    string? Data);

/// <summary>launch_presentation (LTI 1.3 Core §5.4.4); return_url kept only when it is an allowed https URL.</summary>
public sealed record LaunchPresentation(string? DocumentTarget, string? ReturnUrl, string? Locale);

/// <summary>tool_platform (LTI 1.3 Core §5.4.2).</summary>
public sealed record LaunchPlatformInfo(string? Name, string? ProductFamilyCode, string? Version);
