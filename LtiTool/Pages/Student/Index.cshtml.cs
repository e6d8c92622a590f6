using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;

namespace LtiTool.Pages.Student;

/// <summary>The student panel: the learner's own launch. Any role may open it for itself.</summary>
public sealed class IndexModel(ILaunchStore launches, ToolApiTokens apiTokens, TimeProvider timeProvider)
    : LaunchPageModel(launches, apiTokens, timeProvider)
{
    protected override bool Suits(LtiLaunch launch) => !launch.IsDeepLinking;
}
