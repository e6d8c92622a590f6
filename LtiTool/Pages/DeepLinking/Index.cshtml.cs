using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;

namespace LtiTool.Pages.DeepLinking;

/// <summary>The content picker for a deep-linking request; only instructors may add content (catalogue case 78).</summary>
public sealed class IndexModel(ILaunchStore launches, ToolApiTokens apiTokens, TimeProvider timeProvider)
    : LaunchPageModel(launches, apiTokens, timeProvider)
{
    protected override bool Suits(LtiLaunch launch) => launch.IsDeepLinking && launch.Role == LaunchRole.Instructor;
}
