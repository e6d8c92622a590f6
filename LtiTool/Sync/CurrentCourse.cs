using LtiTool.Data;
using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LtiTool.Sync;

/// <summary>
/// The course of the launch behind a tool API token. The API's tenant scope comes only from here, never from ids in the
/// request (catalogue case 100; ASVS 5.0 V8.2.2).
/// </summary>
public sealed record CurrentCourse(CourseKey Course, LaunchRole Role)
{
    /// <summary>The caller's course, or the rejection to answer with: an unknown launch, or a launch outside a course.</summary>
    public static async Task<(CurrentCourse? Course, ProblemHttpResult? Rejection)> ResolveAsync(HttpContext context, ILaunchStore launches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(launches);
        var launchId = context.User.FindFirst(ToolApiTokens.LaunchIdClaim)?.Value;
        var launch = launchId is null ? null : await launches.FindAsync(launchId, cancellationToken);
        if (launch is null)
        {
            return (null, (ProblemHttpResult)LtiResults.Problem(context, LtiErrors.SessionExpired));
        }

        if (launch.Course is not { } course)
        {
            return (null, (ProblemHttpResult)LtiResults.Problem(context, LtiErrors.SessionWrongPage));
        }

        return (new CurrentCourse(new CourseKey(launch.PlatformId, launch.DeploymentId, course.Id), launch.Role), null);
    }

    public bool IsInstructor => Role == LaunchRole.Instructor;
}
