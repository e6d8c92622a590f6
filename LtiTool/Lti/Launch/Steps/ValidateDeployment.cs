using LtiTool.Lti.Platforms;

namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// deployment_id is required, at most 255 characters, equal to the lti_deployment_id sent at login, and
/// registered for the platform: a launch never creates a tenant by itself (LTI 1.3 Core §3.1.3, §4.1, §5.3.3).
/// </summary>
public sealed class ValidateDeployment(IPlatformStore platforms) : ILaunchStep
{
    public async ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var deploymentId = context.RequiredToken.StringClaim(LtiConstants.Claims.DeploymentId);
        if (string.IsNullOrEmpty(deploymentId))
        {
            return context.RequiredToken.HasClaim(LtiConstants.Claims.DeploymentId) ? LtiErrors.ClaimInvalid : LtiErrors.DeploymentMissing;
        }

        if (deploymentId.Length > ClaimLimits.MaxIdLength)
        {
            return LtiErrors.ClaimInvalid;
        }

        if (context.RequiredLogin.DeploymentId is { } loginDeployment && loginDeployment != deploymentId)
        {
            return LtiErrors.DeploymentMismatch;
        }

        return await platforms.IsDeploymentRegisteredAsync(context.RequiredPlatform.Id, deploymentId, cancellationToken)
            ? null
            : LtiErrors.DeploymentUnknown;
    }
}
