namespace LtiTool.Recommendations;

/// <summary>
/// One course as the tool scopes its data: (platform registration, deployment, LMS context). The same context id
/// under two deployments of a shared issuer is two courses (catalogue case 100).
/// </summary>
public sealed record CourseScope(long PlatformId, string DeploymentId, string ContextId);
