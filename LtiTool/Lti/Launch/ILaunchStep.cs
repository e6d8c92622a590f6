namespace LtiTool.Lti.Launch;

/// <summary>One rule of launch validation. Steps run in a fixed order; the first error rejects the launch.</summary>
public interface ILaunchStep
{
    ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken);
}
