using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;

namespace LtiTool.Pages.Instructor;

/// <summary>The instructor dashboard: only for instructor-like roles (least privilege otherwise).</summary>
public sealed class IndexModel(ILaunchStore launches, ToolApiTokens apiTokens, TimeProvider timeProvider)
    : LaunchPageModel(launches, apiTokens, timeProvider)
{
    protected override bool Suits(LtiLaunch launch) => !launch.IsDeepLinking && launch.Role == LaunchRole.Instructor;
}
