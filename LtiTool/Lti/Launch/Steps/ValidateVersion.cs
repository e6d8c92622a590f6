namespace LtiTool.Lti.Launch.Steps;

/// <summary>The version claim must be the string "1.3.0" (LTI 1.3 Core §5.3.2; Certification §6.1.1 "Wrong/No LTI Version").</summary>
public sealed class ValidateVersion : ILaunchStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.RequiredToken.StringClaim(LtiConstants.Claims.Version) == LtiConstants.LtiVersion
            ? null
            : LtiErrors.VersionInvalid);
}
