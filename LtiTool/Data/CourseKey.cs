namespace LtiTool.Data;

/// <summary>
/// The tenant key of all course data: a context is only unique within its deployment of a registration, because one
/// issuer (Canvas cloud, Blackboard SaaS) serves many institutions (LTI 1.3 Core §3.1.3; catalogue case 100).
/// </summary>
public sealed record CourseKey(long PlatformId, string DeploymentId, string ContextId)
{
    /// <summary>A stable text form for job keys and logs; the parts are length-prefixed so no two keys collide.</summary>
    public string ToJobKey(string job) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{job}:{PlatformId}:{DeploymentId.Length}:{DeploymentId}:{ContextId}");
}
